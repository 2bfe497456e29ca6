/**
 * The request shapes RpcClient produces and how it reads replies. The transport here only records
 * calls and answers what a SurrealDB 3 server answers; RpcClient against the real engine is
 * tested in packages/embedded/test/rpc-client.test.ts.
 */
import { describe, expect, it } from 'vitest';
import {
  InvalidArgumentError,
  NotAllowedError,
  ProtocolError,
  RecordId,
  RecordIdRange,
  BoundIncluded,
  RpcClient,
  ServerError,
  StatementError,
  Table,
  Uuid,
  type CallOptions,
  type LiveNotification,
  type RpcMethod,
  type RpcParams,
  type Transport,
} from '../src/index.ts';
import { rejection } from '../test-support/rejection.ts';

interface Recorded {
  method: string;
  params: readonly unknown[];
  options: CallOptions | undefined;
}

/** Records every call and answers with `reply(method, params)` (a thrown value rejects the call). */
function recordingTransport(reply: (method: string, params: readonly unknown[]) => unknown = () => undefined) {
  const calls: Recorded[] = [];
  const transport: Transport = {
    capabilities: { live: true, stateful: true },
    async call(method, params, options) {
      calls.push({ method, params, options });
      return reply(method, params);
    },
    onNotification: (_listener: (notification: LiveNotification) => void) => () => {},
    close: async () => {},
  };
  return { calls, client: new RpcClient(transport) };
}

const tobie = new RecordId('person', 'tobie');

describe('request shapes', () => {
  it('a plain string target is sent as a Table', async () => {
    const { calls, client } = recordingTransport(() => []);
    await client.select('person');
    expect(calls[0]?.params[0]).toBeInstanceOf(Table);
    expect((calls[0]?.params[0] as Table).name).toBe('person');
  });

  it('record ids, tables and ranges are sent as they are', async () => {
    const { calls, client } = recordingTransport(() => []);
    const range = new RecordIdRange('person', new BoundIncluded(1), new BoundIncluded(9));
    const table = new Table('person');
    await client.select(tobie);
    await client.select(table);
    await client.select(range);
    expect(calls.map((c) => c.params[0])).toEqual([tobie, table, range]);
  });

  it('optional trailing params are left out rather than sent as NONE', async () => {
    const { calls, client } = recordingTransport();
    await client.create(tobie);
    await client.create(tobie, { name: 'Tobie' });
    expect(calls.map((c) => c.params.length)).toEqual([1, 2]);
  });

  const shapes: Array<[string, (client: RpcClient) => Promise<unknown>, string, unknown[]]> = [
    ['ping', (c) => c.ping(), 'ping', []],
    ['version', (c) => c.version(), 'version', []],
    ['info', (c) => c.info(), 'info', []],
    ['use', (c) => c.use({ namespace: 'app', database: 'main' }), 'use', ['app', 'main']],
    ['use (namespace only)', (c) => c.use({ namespace: 'app' }), 'use', ['app', undefined]],
    ['use (unselect)', (c) => c.use({ namespace: null, database: null }), 'use', [null, null]],
    ['let', (c) => c.let('min', 18), 'let', ['min', 18]],
    ['unset', (c) => c.unset('min'), 'unset', ['min']],
    ['reset', (c) => c.reset(), 'reset', []],
    ['invalidate', (c) => c.invalidate(), 'invalidate', []],
    ['authenticate', (c) => c.authenticate('jwt'), 'authenticate', ['jwt']],
    ['update', (c) => c.update(tobie, { a: 1 }), 'update', [tobie, { a: 1 }]],
    ['upsert', (c) => c.upsert(tobie, { a: 1 }), 'upsert', [tobie, { a: 1 }]],
    ['merge', (c) => c.merge(tobie, { a: 1 }), 'merge', [tobie, { a: 1 }]],
    ['patch', (c) => c.patch(tobie, [{ op: 'remove', path: '/a' }]), 'patch', [tobie, [{ op: 'remove', path: '/a' }]]],
    ['patch (diff)', (c) => c.patch(tobie, [{ op: 'remove', path: '/a' }], { diff: true }), 'patch', [tobie, [{ op: 'remove', path: '/a' }], true]],
    ['delete', (c) => c.delete(tobie), 'delete', [tobie]],
    ['insert (no table)', (c) => c.insert(null, [{ id: tobie }]), 'insert', [null, [{ id: tobie }]]],
    ['relate', (c) => c.relate(tobie, new Table('knows'), tobie, { since: 1 }), 'relate', [tobie, new Table('knows'), tobie, { since: 1 }]],
    ['relate (edge id)', (c) => c.relate(tobie, new RecordId('knows', 1), tobie), 'relate', [tobie, new RecordId('knows', 1), tobie]],
    ['run', (c) => c.run('fn::greet', ['Tobie']), 'run', ['fn::greet', null, ['Tobie']]],
    ['run (no args)', (c) => c.run('time::now'), 'run', ['time::now']],
    ['run (version)', (c) => c.run('ml::model', [1], { version: '1.0.0' }), 'run', ['ml::model', '1.0.0', [1]]],
    ['graphql', (c) => c.graphql('{ person { id } }'), 'graphql', ['{ person { id } }']],
    ['kill', (c) => c.kill('a-live-id'), 'kill', ['a-live-id']],
    ['sessions', (c) => c.sessions(), 'sessions', []],
    ['begin', (c) => c.begin(), 'begin', []],
  ];

  for (const [name, run, method, params] of shapes) {
    it(`${name} sends ${method} with the server's params`, async () => {
      const { calls, client } = recordingTransport();
      await run(client);
      expect(calls).toHaveLength(1);
      expect(calls[0]?.method).toBe(method);
      expect(calls[0]?.params).toEqual(params);
    });
  }

  it('insert and insertRelation send the table as a Table', async () => {
    const { calls, client } = recordingTransport(() => []);
    await client.insert('person', { name: 'x' });
    await client.insertRelation('knows', { in: tobie, out: tobie });
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['insert', [new Table('person'), { name: 'x' }]],
      ['insert_relation', [new Table('knows'), { in: tobie, out: tobie }]],
    ]);
  });

  it('live sends the table, and `true` only when diffs are asked for', async () => {
    const { calls, client } = recordingTransport(() => Uuid.v4());
    await client.live('person');
    await client.live('person', { diff: true });
    expect(calls.map((c) => c.params)).toEqual([[new Table('person')], [new Table('person'), true]]);
  });

  it('commit and cancel send the transaction id as their param', async () => {
    const { calls, client } = recordingTransport();
    const txn = Uuid.v7();
    await client.commit(txn);
    await client.cancel(txn);
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['commit', [txn]],
      ['cancel', [txn]],
    ]);
  });

  it('attach and detach name the session in the call options, not the params', async () => {
    const { calls, client } = recordingTransport();
    const session = Uuid.v4();
    await client.attach(session, { timeout: 100 });
    await client.detach(session);
    expect(calls.map((c) => [c.method, c.params, c.options])).toEqual([
      ['attach', [], { timeout: 100, session }],
      ['detach', [], { session }],
    ]);
  });

  it('method options (version, diff) stay out of the call options', async () => {
    const { calls, client } = recordingTransport(() => []);
    await client.run('ml::model', [1], { version: '1.0.0', timeout: 5 });
    await client.live('person', { diff: true, timeout: 5 });
    await client.patch(tobie, [], { diff: true, timeout: 5 });
    expect(calls.map((c) => c.options)).toEqual([{ timeout: 5 }, { timeout: 5 }, { timeout: 5 }]);
  });

  it('call options reach the transport unchanged', async () => {
    const { calls, client } = recordingTransport(() => []);
    const options: CallOptions = { timeout: 50, signal: new AbortController().signal, session: Uuid.v4(), txn: Uuid.v7() };
    await client.select('person', options);
    await client.query('RETURN 1', undefined, options);
    expect(calls.map((c) => c.options)).toEqual([options, options]);
  });
});

describe('authentication shapes', () => {
  const token = 'header.payload.signature';

  it('a root user signs in with user and pass only', async () => {
    const { calls, client } = recordingTransport(() => token);
    await client.signin({ username: 'root', password: 'secret' });
    expect(calls[0]?.params).toEqual([{ user: 'root', pass: 'secret' }]);
  });

  it('a database user adds NS and DB', async () => {
    const { calls, client } = recordingTransport(() => token);
    await client.signin({ namespace: 'app', database: 'main', username: 'u', password: 'p' });
    expect(calls[0]?.params).toEqual([{ NS: 'app', DB: 'main', user: 'u', pass: 'p' }]);
  });

  it('record access sends NS, DB, AC and its variables, which cannot override them', async () => {
    const { calls, client } = recordingTransport(() => token);
    await client.signup({ namespace: 'app', database: 'main', access: 'account', variables: { email: 'e@x', pass: 'p', NS: 'evil' } });
    expect(calls[0]?.method).toBe('signup');
    expect(calls[0]?.params).toEqual([{ email: 'e@x', pass: 'p', NS: 'app', DB: 'main', AC: 'account' }]);
  });

  it('bearer keys and refresh tokens are sent as key and refresh', async () => {
    const { calls, client } = recordingTransport(() => token);
    await client.signin({ namespace: 'app', database: 'main', access: 'api', key: 'surreal-bearer-x' });
    await client.signin({ namespace: 'app', database: 'main', access: 'account', refresh: 'surreal-refresh-x' });
    expect(calls.map((c) => c.params[0])).toEqual([
      { NS: 'app', DB: 'main', AC: 'api', key: 'surreal-bearer-x' },
      { NS: 'app', DB: 'main', AC: 'account', refresh: 'surreal-refresh-x' },
    ]);
  });

  it('a bare token answer becomes {access}; a pair stays a pair', async () => {
    const bare = recordingTransport(() => token).client;
    const pair = recordingTransport(() => ({ access: token, refresh: 'r' })).client;
    expect(await bare.signin({ username: 'root', password: 'x' })).toEqual({ access: token });
    expect(await pair.signin({ username: 'root', password: 'x' })).toEqual({ access: token, refresh: 'r' });
  });

  it('refresh and revoke send the pair, or the bare access token when there is no refresh token', async () => {
    const { calls, client } = recordingTransport(() => ({ access: 'a2', refresh: 'r2' }));
    expect(await client.refresh({ access: 'a', refresh: 'r' })).toEqual({ access: 'a2', refresh: 'r2' });
    await client.revoke({ access: 'a' });
    expect(calls.map((c) => [c.method, c.params])).toEqual([
      ['refresh', [{ access: 'a', refresh: 'r' }]],
      ['revoke', ['a']],
    ]);
  });

  it('an answer that is not a token is a ProtocolError that does not echo it', async () => {
    const { client } = recordingTransport(() => ({ unexpected: 'sensitive-value' }));
    const error = await rejection(client.signin({ username: 'root', password: 'x' }));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(String(error)).not.toContain('sensitive-value');
  });

  it('a secret that ends up in an error message is replaced by ***', async () => {
    const { client } = recordingTransport(() => {
      throw ServerError.from({ code: -32002, kind: 'NotAllowed', message: 'bad password hunter2 for root' });
    });
    const error = await rejection(client.signin({ username: 'root', password: 'hunter2' }));
    expect(error).toBeInstanceOf(NotAllowedError);
    expect(error.message).toBe('bad password *** for root');
    expect(error.stack).not.toContain('hunter2');
  });
});

describe('query', () => {
  const wire = [
    { status: 'OK', result: [{ id: tobie }], time: '1.5ms' },
    { status: 'ERR', result: 'An error occurred: nope', time: '20µs', kind: 'Thrown' },
    { status: 'OK', result: 'live-id', time: '3µs', type: 'live' },
  ];

  it('sends the text and vars; a compiled query sends its bindings with vars merged over them', async () => {
    const { calls, client } = recordingTransport(() => []);
    await client.query('RETURN 1');
    await client.query('RETURN $a', { a: 1 });
    await client.query({ query: 'RETURN [$a, $b]', bindings: { a: 1, b: 2 } }, { b: 3 });
    expect(calls.map((c) => c.params)).toEqual([['RETURN 1'], ['RETURN $a', { a: 1 }], ['RETURN [$a, $b]', { a: 1, b: 3 }]]);
  });

  it('answers one result per statement, failures as StatementErrors with their index', async () => {
    const { client } = recordingTransport(() => wire);
    const results = await client.query('...');
    expect(results[0]).toEqual({ ok: true, result: [{ id: tobie }], time: '1.5ms' });
    expect(results[2]).toEqual({ ok: true, result: 'live-id', time: '3µs', type: 'live' });
    const failed = results[1];
    if (failed?.ok !== false) throw new Error('statement 1 failed on the wire');
    expect(failed.error).toBeInstanceOf(StatementError);
    expect(failed.error).toMatchObject({ index: 1, kind: 'Thrown', message: 'An error occurred: nope' });
  });

  it('queryAll answers the results when every statement succeeded', async () => {
    const { client } = recordingTransport(() => [wire[0], wire[2]]);
    const [people, liveId] = await client.queryAll<[Array<{ id: RecordId }>, string]>('...');
    expect(people[0]?.id).toBe(tobie);
    expect(liveId).toBe('live-id');
  });

  it('queryAll throws the first failed statement', async () => {
    const { client } = recordingTransport(() => [...wire, { status: 'ERR', result: 'second', time: '1µs', kind: 'Internal' }]);
    await expect(client.queryAll('...')).rejects.toMatchObject({ name: 'StatementError', index: 1 });
  });

  it('a reply that is not an array of statement results is a ProtocolError', async () => {
    await expect(recordingTransport(() => 'nope').client.query('...')).rejects.toBeInstanceOf(ProtocolError);
    await expect(recordingTransport(() => [{ status: 'MAYBE' }]).client.query('...')).rejects.toBeInstanceOf(ProtocolError);
    await expect(recordingTransport(() => [null]).client.query('...')).rejects.toBeInstanceOf(ProtocolError);
  });
});

describe('results', () => {
  it('use answers the selection with NONE and null as undefined', async () => {
    const { client } = recordingTransport(() => ({ namespace: 'app', database: null }));
    expect(await client.use({ namespace: 'app', database: null })).toEqual({ namespace: 'app', database: undefined });
  });

  it('a single record id that does not exist answers undefined (NONE)', async () => {
    const { client } = recordingTransport(() => undefined);
    expect(await client.select(tobie)).toBeUndefined();
  });

  it('server errors reach the caller as they are', async () => {
    const rejected = ServerError.from({ code: -32000, kind: 'NotFound', message: "The table 'x' does not exist" });
    const { client } = recordingTransport(() => {
      throw rejected;
    });
    await expect(client.select('x')).rejects.toBe(rejected);
  });
});

describe('subclassing', () => {
  it('every typed method goes through the protected call, so subclasses can wrap it', async () => {
    const seen: string[] = [];
    class TracingClient extends RpcClient {
      protected override call<M extends RpcMethod>(method: M, params: RpcParams<M>, options?: CallOptions) {
        seen.push(method);
        return super.call(method, params, options);
      }
    }
    const client = new TracingClient(recordingTransport(() => []).client.transport);
    await client.ping();
    await client.select('person');
    await client.query('RETURN 1');
    expect(seen).toEqual(['ping', 'select', 'query']);
  });
});

describe('arguments from untyped code', () => {
  // Each public method with a wrong argument, as plain JavaScript (or `any`) may pass it: [call, method, argument].
  const wrong: [string, (c: RpcClient) => Promise<unknown>, string, string?][] = [
    ['ping', (c) => c.ping('soon' as never), 'options'],
    ['version', (c) => c.version(5 as never), 'options'],
    ['info', (c) => c.info(null as never), 'options'],
    ['use', (c) => c.use(undefined as never), 'target'],
    ['use', (c) => c.use({ namespace: 42 } as never), 'target.namespace'],
    ['let', (c) => c.let(undefined as never, 1), 'name'],
    ['unset', (c) => c.unset({} as never), 'name'],
    ['reset', (c) => c.reset([] as never), 'options'],
    ['signin', (c) => c.signin(undefined as never), 'credentials'],
    ['signup', (c) => c.signup('root' as never), 'credentials'],
    ['authenticate', (c) => c.authenticate(undefined as never), 'token'],
    ['refresh', (c) => c.refresh({} as never), 'tokens.access'],
    ['revoke', (c) => c.revoke(undefined as never), 'tokens'],
    ['invalidate', (c) => c.invalidate(1 as never), 'options'],
    ['query', (c) => c.query(undefined as never), 'sql'],
    ['query', (c) => c.query({ query: 'RETURN 1' } as never), 'sql', 'a compiled query without bindings'],
    ['query', (c) => c.query('RETURN $a', [1] as never), 'vars'],
    ['queryAll', (c) => c.queryAll(null as never), 'sql'],
    ['run', (c) => c.run(undefined as never), 'name'],
    ['run', (c) => c.run('fn::a', 'x' as never), 'args', 'a string as its args'],
    ['run', (c) => c.run('ml::m', [], { version: 1 } as never), 'options.version'],
    ['graphql', (c) => c.graphql(undefined as never), 'request'],
    ['select', (c) => c.select(undefined as never), 'what'],
    ['select', (c) => c.select(7 as never), 'what', 'a number as its target'],
    ['create', (c) => c.create(undefined as never), 'what'],
    ['create', (c) => c.create(tobie, 'data' as never), 'data', 'a string as its data'],
    ['insert', (c) => c.insert(undefined as never, {}), 'table'],
    ['insert', (c) => c.insert('person', [1, 2] as never), 'data', 'an array of numbers as its data'],
    ['insertRelation', (c) => c.insertRelation('knows', undefined as never), 'data'],
    ['update', (c) => c.update({} as never), 'what'],
    ['upsert', (c) => c.upsert(tobie, [] as never), 'data'],
    ['merge', (c) => c.merge(tobie, undefined as never), 'data'],
    ['patch', (c) => c.patch(tobie, { op: 'remove', path: '/a' } as never), 'patches'],
    ['delete', (c) => c.delete(undefined as never), 'what'],
    ['relate', (c) => c.relate('person:tobie' as never, 'knows', tobie), 'from'],
    ['relate', (c) => c.relate(tobie, 3 as never, tobie), 'edge', 'a number as its edge'],
    ['relate', (c) => c.relate(tobie, 'knows', [tobie, 'x'] as never), 'to', 'a string among its targets'],
    ['live', (c) => c.live(undefined as never), 'table'],
    ['kill', (c) => c.kill(undefined as never), 'id'],
    ['attach', (c) => c.attach('a-session' as never), 'session'],
    ['detach', (c) => c.detach(undefined as never), 'session'],
    ['sessions', (c) => c.sessions('all' as never), 'options'],
    ['begin', (c) => c.begin(0 as never), 'options'],
    ['commit', (c) => c.commit(undefined as never), 'txn'],
    ['cancel', (c) => c.cancel('txn' as never), 'txn'],
  ];

  for (const [method, call, argument, what = `a wrong ${argument}`] of wrong) {
    it(`${method} rejects ${what} with InvalidArgumentError, sending nothing`, async () => {
      const { calls, client } = recordingTransport();
      const error = await rejection(call(client));
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect(error).toMatchObject({ name: 'InvalidArgumentError', method, argument });
      expect(calls).toEqual([]);
    });
  }

  it('the message names the method, the argument, what it takes and what it got', async () => {
    const { client } = recordingTransport();
    await expect(client.select(undefined as never)).rejects.toThrow('select: what must be a table name, a Table, a RecordId or a RecordIdRange, got undefined');
    await expect(client.query({ text: 'RETURN 1' } as never)).rejects.toThrow('query: sql must be a SurrealQL string or a compiled query ({ query, bindings }), got an object');
  });

  it('never echoes the value, which may be a secret', async () => {
    const { client } = recordingTransport();
    const error = await rejection(client.authenticate({ token: 'secret-token-value' } as never));
    expect(error.message).not.toContain('secret-token-value');
    expect(error.message).toBe('authenticate: token must be a string, got an object');
  });
});
