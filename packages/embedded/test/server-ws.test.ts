/**
 * The embedded server's WebSocket `/rpc`: one engine session per connection, client-named
 * sessions kept per connection, live notifications routed to the socket that asked, and
 * malformed or abandoned requests answered or dropped without harm.
 */
import { encode, RecordId, Table, Uuid } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type EmbeddedServer } from '../src/server.ts';
import { RawSocket } from './raw-socket.ts';

let server: EmbeddedServer;
const sockets: RawSocket[] = [];

beforeAll(async () => {
  server = await startServer();
});

afterAll(async () => {
  await Promise.all(sockets.map((socket) => socket.close()));
  await server.close();
});

async function open(protocol = 'cbor'): Promise<RawSocket> {
  const socket = await RawSocket.open(server.url, protocol);
  sockets.push(socket);
  return socket;
}

async function openIn(namespace: string, database: string): Promise<RawSocket> {
  const socket = await open();
  await socket.result('use', [namespace, database]);
  return socket;
}

describe('sessions', () => {
  it('gives each connection its own session: use and let on one socket are invisible to another', async () => {
    const a = await openIn('ws_iso', 'a');
    const b = await openIn('ws_iso', 'b');
    await a.result('let', ['who', 'a']);

    const [seenByB] = (await b.result('query', ['RETURN [session::db(), $who]'])) as { result: unknown }[];
    expect(seenByB?.result).toEqual(['b', undefined]);
    const [seenByA] = (await a.result('query', ['RETURN [session::db(), $who]'])) as { result: unknown }[];
    expect(seenByA?.result).toEqual(['a', 'a']);
  });

  it('runs calls on a client-named session (attach with a session id) separately from the connection session', async () => {
    const socket = await openIn('ws_named', 'main');
    const named = Uuid.v4();
    expect((await socket.call('attach', [], { session: named })).error).toBeUndefined();
    await socket.result('use', ['ws_named', 'other'], { session: named });

    const [own] = (await socket.result('query', ['RETURN session::db()'])) as { result: unknown }[];
    const [inNamed] = (await socket.result('query', ['RETURN session::db()'], { session: named })) as { result: unknown }[];
    expect(own?.result).toBe('main');
    expect(inNamed?.result).toBe('other');
    expect(await socket.result('sessions')).toEqual([named]);
  });

  it('refuses a session id attached by another connection', async () => {
    const owner = await open();
    const intruder = await open();
    const session = Uuid.v4();
    await owner.result('attach', [], { session });

    const frame = await intruder.call('use', ['x', 'y'], { session });
    expect(frame.error?.message).toContain('Session not found');
    expect(await intruder.result('sessions')).toEqual([]);
  });

  it('lets two connections name the same session id without sharing it', async () => {
    const a = await open();
    const b = await open();
    const session = Uuid.v4();
    await a.result('attach', [], { session });
    await b.result('attach', [], { session });
    await a.result('use', ['ws_same', 'a'], { session });
    await b.result('use', ['ws_same', 'b'], { session });
    await a.result('let', ['mine', 1], { session });

    const [seenByB] = (await b.result('query', ['RETURN $mine'], { session })) as { result: unknown }[];
    expect(seenByB?.result).toBeUndefined();
  });

  it('ends a named session on detach', async () => {
    const socket = await open();
    const session = Uuid.v4();
    await socket.result('attach', [], { session });
    await socket.result('detach', [], { session });

    expect((await socket.call('ping', [], { session })).error?.message).toContain('Session not found');
    expect(await socket.result('sessions')).toEqual([]);
  });
});

describe('live notifications', () => {
  it('go only to the socket whose session started the live query, then KILLED after kill', async () => {
    const watcher = await openIn('ws_live', 'one');
    const bystander = await openIn('ws_live', 'one');
    await watcher.result('query', ['DEFINE TABLE person']);
    const liveId = (await watcher.result('live', [new Table('person')])) as Uuid;

    await bystander.result('create', [new RecordId('person', 'tobie'), { name: 'Tobie' }]);
    const created = await watcher.notification();
    expect(created).toMatchObject({ action: 'CREATE', result: { name: 'Tobie' } });
    expect((created.id as Uuid).equals(liveId)).toBe(true);
    expect((created.record as RecordId).equals(new RecordId('person', 'tobie'))).toBe(true);
    // The connection's own session has no client-visible id.
    expect(created.session).toBeUndefined();

    await watcher.result('kill', [liveId]);
    const killed = await watcher.notification();
    expect(killed.action).toBe('KILLED');
    expect((killed.id as Uuid).equals(liveId)).toBe(true);
    expect(bystander.notifications()).toEqual([]);
  });

  it('route a LIVE SELECT started in a named session back with that session id, KILLED included', async () => {
    const socket = await openIn('ws_live', 'two');
    const session = Uuid.v4();
    await socket.result('attach', [], { session });
    await socket.result('use', ['ws_live', 'two'], { session });
    const [, live] = (await socket.result('query', ['DEFINE TABLE pet; LIVE SELECT * FROM pet'], { session })) as { result: Uuid }[];

    await socket.result('create', [new RecordId('pet', 'rex'), { kind: 'dog' }]);
    const created = await socket.notification();
    expect(created.action).toBe('CREATE');
    expect((created.session as Uuid).equals(session)).toBe(true);

    await socket.result('query', [`KILL $id`, { id: live?.result }], { session });
    const killed = await socket.notification();
    expect(killed.action).toBe('KILLED');
    expect((killed.session as Uuid).equals(session)).toBe(true);
  });

  it('stop when the socket that owned the live query disconnects', async () => {
    const watcher = await openIn('ws_live', 'three');
    const writer = await openIn('ws_live', 'three');
    await watcher.result('query', ['DEFINE TABLE note']);
    await watcher.result('live', [new Table('note')]);
    await watcher.close();

    await writer.result('create', [new RecordId('note', 1), { text: 'after' }]);
    expect(await writer.result('ping')).toBeUndefined();
    expect(writer.notifications()).toEqual([]);
  });
});

describe('bad input', () => {
  it('answers a frame that is not CBOR with a parse error (-32700) and keeps the connection', async () => {
    const socket = await open();
    socket.sendRaw(Uint8Array.of(0xff, 0x00, 0x13));
    const frame = await socket.next((candidate) => candidate.error !== undefined);
    expect(frame.error?.code).toBe(-32700);
    expect(await socket.result('ping')).toBeUndefined();
  });

  it('answers a request without a method with an invalid-request error carrying its id', async () => {
    const socket = await open();
    socket.sendRaw(encode({ id: 'm1', params: [] }));
    const frame = await socket.next((candidate) => candidate.id === 'm1');
    expect(frame.error?.code).toBe(-32600);
  });

  it('answers an unknown method with the engine error', async () => {
    const socket = await open();
    const frame = await socket.call('no_such_method');
    expect(frame.error?.code).toBe(-32601);
  });

  it('survives a client that disconnects while its request runs', async () => {
    const quitter = await open();
    quitter.sendRaw(encode({ id: 'slow', method: 'query', params: ['SLEEP 200ms; RETURN 1'] }));
    quitter.terminate();
    await new Promise((resolve) => setTimeout(resolve, 300));

    const other = await open();
    expect(await other.result('ping')).toBeUndefined();
  });
});

describe('subprotocols', () => {
  it('speaks JSON to a client that asks for the json subprotocol', async () => {
    const socket = await open('json');
    expect(socket.protocol).toBe('json');
    socket.sendRaw(JSON.stringify({ id: 1, method: 'query', params: ['RETURN 1 + 1'] }));
    const frame = await socket.next((candidate) => candidate.id === 1);
    expect(frame.result).toMatchObject([{ status: 'OK', result: 2 }]);
  });

  it('accepts session ids as text from JSON clients', async () => {
    const socket = await open('json');
    const session = Uuid.v4().toJSON();
    const send = (id: number, method: string, params: unknown[] = []) => {
      socket.sendRaw(JSON.stringify({ id, method, params, session }));
      return socket.next((candidate) => candidate.id === id);
    };
    expect((await send(1, 'attach')).error).toBeUndefined();
    expect((await send(2, 'use', ['ws_json', 'named'])).error).toBeUndefined();
    expect((await send(3, 'query', ['RETURN session::db()'])).result).toMatchObject([{ result: 'named' }]);
  });

  it('wraps engine replies as {id, result}', async () => {
    const socket = await open();
    const frame = await socket.call('version');
    expect(frame.result).toMatch(/^surrealdb-3\./);
  });
});

describe('closing', () => {
  it('closes open sockets and refuses new connections once the server is closed', async () => {
    const own = await startServer();
    const socket = await RawSocket.open(own.url);
    await own.close();
    expect(await socket.closed).toBe(1001);
    await expect(RawSocket.open(own.url)).rejects.toThrow();
  });

  it('closes promptly while a request is still running, and close() can be called again', async () => {
    const own = await startServer();
    const socket = await RawSocket.open(own.url);
    await socket.result('use', ['closing', 'main']);
    socket.sendRaw(encode({ id: 'slow', method: 'query', params: ['SLEEP 5s'] }));
    await new Promise((resolve) => setTimeout(resolve, 50));

    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(3000);
    await expect(own.close()).resolves.toBeUndefined();
    expect(await socket.closed).toBe(1001);
  });
});
