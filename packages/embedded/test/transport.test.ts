/**
 * `createEmbeddedTransport`: the sdb `Transport` contract over an in-process engine: results,
 * typed server errors, per-call timeout and abort, sessions, live notifications, import/export,
 * and a `close()` that settles every pending call.
 */
import {
  ConnectionClosedError,
  NotAllowedError,
  NotFoundError,
  RecordId,
  RequestAbortedError,
  ServerError,
  Table,
  TimeoutError,
  Uuid,
  ValidationError,
  type LiveNotification,
} from '@sdb/protocol';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EngineUrl } from '../src/engine.ts';
import { createEmbeddedTransport, type EmbeddedTransport } from '../src/transport.ts';

let transport: EmbeddedTransport;

beforeEach(async () => {
  transport = await createEmbeddedTransport('mem://');
  await transport.call('use', ['transport', 'main']);
});

afterEach(async () => {
  await transport.close();
});

describe('calls', () => {
  it('declares itself live and stateful', () => {
    expect(transport.capabilities).toEqual({ live: true, stateful: true });
  });

  it('resolves the bare result of a call', async () => {
    await transport.call('query', ['DEFINE TABLE person']);
    const created = await transport.call('create', [new RecordId('person', 'tobie'), { name: 'Tobie' }]);
    expect(created).toMatchObject({ name: 'Tobie' });
    expect((created as { id: RecordId }).id.equals(new RecordId('person', 'tobie'))).toBe(true);
  });

  it('rejects an engine error as the ServerError subclass for its kind', async () => {
    const unknownMethod = transport.call('no_such_method', []);
    await expect(unknownMethod).rejects.toBeInstanceOf(NotFoundError);
    await expect(unknownMethod).rejects.toMatchObject({ code: -32601 });

    const wrongPassword = transport.call('signin', [{ user: 'nobody', pass: 'nothing' }]);
    await expect(wrongPassword).rejects.toBeInstanceOf(NotAllowedError);
  });

  it('rejects selecting a table that does not exist (SurrealDB 3 is strict about tables)', async () => {
    const error = await transport.call('select', [new Table('ghost')]).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ServerError);
    expect(String((error as Error).message)).toContain('ghost');
  });

  it('rejects a request the engine cannot parse with a ValidationError', async () => {
    await expect(transport.call('use', ['a', 'b'], { session: 'not-a-uuid' as unknown as Uuid })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe('call options', () => {
  it('times out a slow call with a TimeoutError', async () => {
    const slow = transport.call('query', ['SLEEP 500ms'], { timeout: 20 });
    await expect(slow).rejects.toBeInstanceOf(TimeoutError);
  });

  it('refuses a per-call timeout of 0 with an InvalidOptionError (as ws and http do); Infinity means none', async () => {
    await expect(transport.call('query', ['RETURN 1'], { timeout: 0 })).rejects.toMatchObject({ name: 'InvalidOptionError', option: 'timeout', message: expect.stringMatching(/^query: timeout must be/) });
    await expect(transport.call('query', ['RETURN 1'], { timeout: Infinity })).resolves.toMatchObject([{ status: 'OK', result: 1 }]);
  });

  it('applies its own default timeout to a call that gives none', async () => {
    const impatient = await createEmbeddedTransport('mem://', { timeout: 20 });
    try {
      await expect(impatient.call('query', ['SLEEP 500ms'])).rejects.toBeInstanceOf(TimeoutError);
    } finally {
      await impatient.close();
    }
  });

  it('rejects an aborted call with an AbortError-named RequestAbortedError', async () => {
    const controller = new AbortController();
    const call = transport.call('query', ['SLEEP 500ms'], { signal: controller.signal });
    controller.abort();
    const error = await call.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect((error as Error).name).toBe('AbortError');
  });

  it('rejects at once when the signal is already aborted', async () => {
    await expect(transport.call('ping', [], { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(RequestAbortedError);
  });

  it('runs a call in the session it names', async () => {
    const session = Uuid.v4();
    await transport.call('attach', [], { session });
    await transport.call('use', ['transport', 'other'], { session });

    const [inSession] = (await transport.call('query', ['RETURN session::db()'], { session })) as { result: unknown }[];
    const [own] = (await transport.call('query', ['RETURN session::db()'])) as { result: unknown }[];
    expect([inSession?.result, own?.result]).toEqual(['other', 'main']);
  });

  it('runs calls inside a transaction it names', async () => {
    await transport.call('query', ['DEFINE TABLE account']);
    const txn = await transport.call('begin', []);
    await transport.call('create', [new RecordId('account', 1), { balance: 10 }], { txn: txn as Uuid });
    await transport.call('cancel', [txn]);
    expect(await transport.call('select', [new Table('account')])).toEqual([]);
  });
});

describe('live notifications', () => {
  it('delivers CREATE and KILLED notifications to every listener until it unsubscribes', async () => {
    await transport.call('query', ['DEFINE TABLE person']);
    const seen: LiveNotification[] = [];
    const unsubscribe = transport.onNotification((notification) => seen.push(notification));
    const liveId = (await transport.call('live', [new Table('person')])) as Uuid;

    await transport.call('create', [new RecordId('person', 1), { name: 'Ann' }]);
    // The engine may deliver a KILLED before an earlier CREATE: wait for the CREATE first.
    await expect.poll(() => seen.length).toBe(1);
    await transport.call('kill', [liveId]);
    await expect.poll(() => seen.map((notification) => notification.action)).toEqual(['CREATE', 'KILLED']);
    expect(seen[0]?.id.equals(liveId)).toBe(true);
    expect(seen[0]?.result).toMatchObject({ name: 'Ann' });

    unsubscribe();
    const again = (await transport.call('live', [new Table('person')])) as Uuid;
    await transport.call('create', [new RecordId('person', 2), { name: 'Bob' }]);
    await transport.call('kill', [again]);
    expect(seen).toHaveLength(2);
  });
});

describe('import and export', () => {
  it('imports a script into a namespace/database and exports it back as SurrealQL', async () => {
    await transport.import('DEFINE TABLE book SCHEMALESS; CREATE book:dune SET title = "Dune";', { namespace: 'transport', database: 'books' });
    const script = await transport.export({}, { namespace: 'transport', database: 'books' });
    expect(script).toContain('DEFINE TABLE book');
    expect(script).toContain('Dune');
  });
});

describe('close', () => {
  it('rejects pending and later calls with ConnectionClosedError', async () => {
    const pending = transport.call('query', ['SLEEP 300ms']);
    await transport.close();
    await expect(pending).rejects.toBeInstanceOf(ConnectionClosedError);
    await expect(transport.call('ping', [])).rejects.toBeInstanceOf(ConnectionClosedError);
  });

  it('frees the engine only after calls made just before close() have reached it', async () => {
    // @surrealdb/node aborts the whole process when a call reaches a freed engine; before this
    // was fixed, a handful of rounds was enough to kill the test worker.
    for (let round = 0; round < 50; round++) {
      const closing = await createEmbeddedTransport('mem://');
      const calls = Array.from({ length: 20 }, () => closing.call('ping', []).then(() => 'answered', () => 'refused'));
      await closing.close();
      expect(await Promise.all(calls)).toEqual(Array(20).fill('refused'));
    }
  });

  it('is idempotent', async () => {
    await transport.close();
    await expect(transport.close()).resolves.toBeUndefined();
  });
});

describe('opening', () => {
  it('refuses a timeout of 0 with an InvalidOptionError naming the option, before opening an engine', async () => {
    await expect(createEmbeddedTransport('mem://', { timeout: 0 })).rejects.toMatchObject({ name: 'InvalidOptionError', option: 'timeout', message: expect.stringMatching(/^createEmbeddedTransport: timeout must be/) });
  });

  it('refuses a URL that is not an embedded datastore', async () => {
    await expect(createEmbeddedTransport('http://localhost:8000' as 'mem://')).rejects.toThrow(/mem:\/\//);
  });

  /** Runs `use` with a new temporary directory, and removes the directory afterwards. */
  async function inTemporaryDirectory(prefix: string, use: (dir: string) => Promise<void>): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), prefix));
    try {
      await use(dir);
    } finally {
      // The engine may still be writing its last files just after close() resolved.
      await rm(dir, { recursive: true, force: true, maxRetries: 5 });
    }
  }

  /** Opens the datastore at `url` and stores `kept:1 { n: 1 }` in namespace `namespace`. */
  async function openWithOneRecord(url: EngineUrl, namespace: string): Promise<EmbeddedTransport> {
    const opened = await createEmbeddedTransport(url);
    await opened.call('use', [namespace, 'main']);
    await opened.call('query', ['DEFINE TABLE kept; CREATE kept:1 SET n = 1']);
    return opened;
  }

  it('keeps data in a SurrealKV directory across reopenings', () =>
    inTemporaryDirectory('sdb-surrealkv-', async (dir) => {
      const first = await openWithOneRecord(`surrealkv://${dir}`, 'kv');
      await first.close();

      const second = await createEmbeddedTransport(`surrealkv://${dir}`);
      await second.call('use', ['kv', 'main']);
      expect(await second.call('select', [new RecordId('kept', 1)])).toMatchObject({ n: 1 });
      await second.close();
    }));

  it('leaves nothing of its own closing in a SurrealKV directory (closing ends the notification stream through a scratch namespace)', () =>
    inTemporaryDirectory('sdb-surrealkv-', async (dir) => {
      const first = await openWithOneRecord(`surrealkv://${dir}`, 'kv');
      const namespacesOf = async (opened: EmbeddedTransport) => Object.keys(((await opened.call('query', ['INFO FOR ROOT'])) as [{ result: { namespaces: object } }])[0].result.namespaces).sort();
      const before = await namespacesOf(first);
      await first.close();

      const second = await createEmbeddedTransport(`surrealkv://${dir}`);
      expect(await namespacesOf(second)).toEqual(before);
      await second.close();
    }));

  it('explains that a SurrealKV directory stays locked until the process exits once an index was defined in it', () =>
    inTemporaryDirectory('sdb-surrealkv-', async (dir) => {
      const indexed = await openWithOneRecord(`surrealkv://${dir}`, 'kv');
      await indexed.call('query', ['DEFINE INDEX kept_n ON kept FIELDS n']);
      await indexed.close();

      await expect(createEmbeddedTransport(`surrealkv://${dir}`)).rejects.toThrow(/index builder keeps that datastore open until the process exits/);
    }));

  it('stores data in a RocksDB directory, and explains that the engine keeps its lock until the process exits', () =>
    inTemporaryDirectory('sdb-rocksdb-', async (dir) => {
      const rocks = await openWithOneRecord(`rocksdb://${dir}`, 'rocks');
      expect(await rocks.call('select', [new RecordId('kept', 1)])).toMatchObject({ n: 1 });
      await rocks.close();

      await expect(createEmbeddedTransport(`rocksdb://${dir}`)).rejects.toThrow(/releases a RocksDB lock only when the process exits/);
    }));
});
