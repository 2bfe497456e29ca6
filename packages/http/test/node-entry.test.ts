/**
 * Node's entry (the `node` export condition, src/node.ts) sends its requests through undici's
 * request API: a caller's undici `Agent`, given as `dispatcher`, carries every one of them, and
 * the caller's agent stays open after the client closes (it is the caller's to close). Runs in
 * the undici project only: the fetch entry hands `dispatcher` to the platform's `fetch`.
 */
import { Agent, type Dispatcher } from 'undici';
import { afterAll, expect, it } from 'vitest';
import { connect } from '../src/node.ts';
import { surrealdb, uniqueScope } from './support.ts';

const dispatched: string[] = [];
const counting = (dispatch: Dispatcher['dispatch']): Dispatcher['dispatch'] => (options, handler) => {
  dispatched.push(`${options.method} ${options.path}`);
  return dispatch(options, handler);
};
const agent = new Agent();
const dispatcher = agent.compose(counting);

afterAll(async () => {
  await agent.close();
});

it('every request, the sign-in included, goes through the given undici dispatcher', async () => {
  const server = surrealdb();
  const db = await connect(server.httpUrl, { ...uniqueScope('node_entry'), auth: { username: server.user, password: server.pass }, dispatcher });
  expect(await db.queryAll('RETURN 1 + 1')).toEqual([2]);
  await db.health();
  await db.close();
  expect(dispatched).toEqual(['POST /rpc', 'POST /rpc', 'GET /health']);
});

it("closing the client leaves the caller's dispatcher open", async () => {
  const server = surrealdb();
  const db = await connect(server.httpUrl, { dispatcher });
  await db.close();
  const again = await connect(server.httpUrl, { dispatcher });
  await expect(again.ping()).resolves.toBeUndefined();
  await again.close();
});
