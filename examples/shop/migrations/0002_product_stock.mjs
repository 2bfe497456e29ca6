/** Migration 0002_product_stock. Operations: see @sdb/orm/migrations (op.*); sdb sqlmigrate 0002_product_stock prints its SurrealQL. */
import { op } from '@sdb/orm/migrations';

export default {
  name: "0002_product_stock",
  up: [
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "stock" }] }, table: "product", type: { name: "int" }, default: { value: { kind: "value", value: 0 } } }),
  ],
  down: [
    op.dropField("product", "stock"),
  ],
};
