/** Migration 0003_reviews. Operations: see @sdb/orm/migrations (op.*); sdb sqlmigrate 0003_reviews prints its SurrealQL. */
import { op } from '@sdb/orm/migrations';

export default {
  name: "0003_reviews",
  up: [
    op.createTable({ kind: "defineTable", name: "reviewed", type: "RELATION", relation: { in: ["customer"], out: ["product"], enforced: true }, schemafull: true }),
    op.addField({ kind: "defineField", name: { kind: "idiom", parts: [{ type: "field", name: "stars" }] }, table: "reviewed", type: { name: "int" } }),
    op.addIndex({ kind: "defineIndex", name: "reviewed_in_index", table: "reviewed", fields: [{ kind: "idiom", parts: [{ type: "field", name: "in" }] }] }),
    op.addIndex({ kind: "defineIndex", name: "reviewed_out_index", table: "reviewed", fields: [{ kind: "idiom", parts: [{ type: "field", name: "out" }] }] }),
  ],
  down: [
    op.dropTable("reviewed"),
  ],
};
