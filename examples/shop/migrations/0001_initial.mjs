/** Migration 0001_initial. Operations: see @sdb/orm/migrations (op.*); sdb sqlmigrate 0001_initial prints its SurrealQL. */
import { op } from '@sdb/orm/migrations';

export default {
  name: "0001_initial",
  up: [
    op.createTable({ kind: "defineTable", name: "customer", schemafull: true }),
    op.createTable({ kind: "defineTable", name: "order", schemafull: true }),
    op.createTable({ kind: "defineTable", name: "order_line", schemafull: true }),
    op.createTable({ kind: "defineTable", name: "product", schemafull: true }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "country" }] }, table: "customer", type: { name: "string" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "email" }] }, table: "customer", type: { name: "string" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "name" }] }, table: "customer", type: { name: "string" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "customer" }] }, table: "order", type: { name: "record", tables: ["customer"] } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "placed" }] }, table: "order", type: { name: "datetime" }, default: { value: { kind: "call", name: "time::now", args: [] } } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "status" }] }, table: "order", type: { name: "string" }, assert: { kind: "binary", op: "INSIDE", left: { kind: "param", name: "value" }, right: { kind: "value", value: ["open", "paid", "shipped"] } } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "amount" }] }, table: "order_line", type: { name: "int" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "order" }] }, table: "order_line", type: { name: "record", tables: ["order"] } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "product" }] }, table: "order_line", type: { name: "record", tables: ["product"] } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "quantity" }] }, table: "order_line", type: { name: "int" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "name" }] }, table: "product", type: { name: "string" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "price" }] }, table: "product", type: { name: "int" } }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "sku" }] }, table: "product", type: { name: "string" } }),
    op.addIndex({ kind: "defineIndex", name: "customer_email_unique", table: "customer", fields: [{ kind: "idiom", parts: [{ type: "field", name: "email" }] }], unique: true }),
    op.addIndex({ kind: "defineIndex", name: "product_sku_unique", table: "product", fields: [{ kind: "idiom", parts: [{ type: "field", name: "sku" }] }], unique: true }),
  ],
  down: [
    op.dropTable("product"),
    op.dropTable("order_line"),
    op.dropTable("order"),
    op.dropTable("customer"),
  ],
};
