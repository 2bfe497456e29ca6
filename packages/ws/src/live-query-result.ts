/**
 * @module The live query id in a `query` reply for a single `LIVE SELECT` statement.
 */
import { ProtocolError, StatementError, Uuid } from '@sdb/protocol';
import { statementResults } from '@sdb/protocol/transport';

export function liveIdOf(raw: unknown): Uuid {
  const statements = statementResults(raw);
  const [first] = statements;
  if (statements.length !== 1 || first === undefined) throw new TypeError('liveQuery expects exactly one statement: a LIVE SELECT');
  if (!first.ok) throw first.error satisfies StatementError;
  if (!(first.result instanceof Uuid)) throw new ProtocolError('The LIVE SELECT statement did not answer a live query id');
  return first.result;
}
