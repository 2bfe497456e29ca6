/**
 * @module The end-to-end demo: the real SurrealDB 3.0.2 engine served on loopback by
 * @sdb/embedded, a @sdb/ws client that connects, creates, queries and receives a live
 * notification. Run from the repo root with `pnpm demo` (scripts/demo.mjs builds the packages first).
 */
import { startServer } from '@sdb/embedded';
import { RecordId } from '@sdb/protocol';
import { connect } from '@sdb/ws';

const server = await startServer({ auth: { username: 'root', password: 'root' } });
console.log(`SurrealDB 3.0.2 (embedded) listening at ${server.url}`);
const db = await connect(server.url, { namespace: 'demo', database: 'demo', auth: { username: 'root', password: 'root' } });
try {
  await db.query('DEFINE TABLE person SCHEMALESS');
  const live = await db.live('person');
  const created = await db.create(new RecordId('person', 'tobie'), { name: 'Tobie', age: 36 });
  console.log('created:', JSON.stringify(created));
  const [adults] = await db.queryAll('SELECT name, age FROM person WHERE age > $min', { min: 18 });
  console.log('query result:', JSON.stringify(adults));
  for await (const message of live) {
    console.log('live notification:', message.action, String(message.record), JSON.stringify(message.result));
    break;
  }
} finally {
  await db.close();
  await server.close();
}
