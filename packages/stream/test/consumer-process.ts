/**
 * @module A change-feed consumer that exactly-once.test.ts runs as a child process, to kill it
 * (SIGKILL) at any moment and start it again. It reads the feed over HTTP and commits each change
 * set's effects with its checkpoint in one `BEGIN … COMMIT` request, prints the versionstamp of
 * each set committed, and exits once the feed has been idle for a second.
 * Arguments: `<http url> <namespace> <database> <user> <pass>`.
 */
import { RecordId } from '@sdb/protocol';
import { connect } from '@sdb/http';
import { changes, RecordCheckpoint, type ChangeSet } from '../src/index.ts';

const [url = '', namespace, database, username = '', password = ''] = process.argv.slice(2);
const db = await connect(url, { namespace, database, auth: { username, password } });
const checkpoint = new RecordCheckpoint(db, new RecordId('feed_checkpoint', 'effects'));
const feed = changes(db, { table: 'source', checkpoint, commit: 'manual', batchSize: 200, pollInterval: 50 });
const idle = () => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 1_000).unref());

/** The set's effects and its checkpoint as one batch: both commit, or neither. */
function effectsAndCheckpoint(set: ChangeSet): { query: string; bindings: Record<string, unknown> } {
  const save = checkpoint.statement(set.versionstamp);
  const bindings: Record<string, unknown> = { ...save.bindings, effect_versionstamp: set.versionstamp };
  const statements = ['BEGIN'];
  for (const [i, change] of set.changes.entries()) {
    if (change.type !== 'update') continue;
    bindings[`effect${i}`] = new RecordId('effect', change.id.id);
    statements.push(`UPSERT $effect${i} SET applied += 1, versionstamp = $effect_versionstamp`);
  }
  statements.push(save.query, 'COMMIT');
  return { query: statements.join(';\n'), bindings };
}

for (;;) {
  const result = await Promise.race([feed.next(), idle()]);
  if (result === undefined || result.done) break;
  const { query, bindings } = effectsAndCheckpoint(result.value);
  await db.queryAll(query, bindings);
  process.stdout.write(`${result.value.versionstamp}\n`);
}
await feed.return?.();
await db.close();
process.stdout.write('idle\n');
