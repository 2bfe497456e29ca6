/**
 * Signals on the real engine over ws, http and the embedded client: which writes fire which hook,
 * the order handlers run in, a throwing pre-hook leaving nothing written (read back), handlers
 * writing through `using` inside the caller's transaction, and the bulk writes that fire none.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { configure, f, hooks, model, ModelDefinitionError, pushSchema, RecordNotAffectedError, transaction, type HookEvent } from '../src/index.ts';
import { transports, transportNames, type TestConnection } from './clients.ts';

const Note = model('note', { title: f.string(), slug: f.string().optional(), views: f.int().default(0) }, { schemafull: true });
const Audit = model('audit', { action: f.string(), title: f.string() }, { schemafull: true });

/** Unsubscribers of the handlers a test registered, removed after it. */
let registered: (() => void)[] = [];
const on: typeof Note.hooks.on = (event, handler) => {
  const off = Note.hooks.on(event, handler);
  registered.push(off);
  return off;
};

/** Records `event:title` for each Note hook fired. */
function recordEvents(): string[] {
  const seen: string[] = [];
  for (const event of ['preSave', 'postSave', 'preUpdate', 'postUpdate', 'preDelete', 'postDelete'] as const satisfies readonly HookEvent[]) {
    on(event, ({ instance }) => {
      seen.push(`${event}:${instance.title}`);
    });
  }
  return seen;
}

/** The suite's database on `transport`, the default connection; after each test its handlers are removed and its records deleted. */
function suiteDatabase(transport: keyof typeof transports, prefix: string): void {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`${prefix}_${transport}`);
    configure({ default: db.client });
    await pushSchema([Note, Audit]);
  });

  afterEach(async () => {
    for (const off of registered) off();
    registered = [];
    await Note.objects.delete();
    await Audit.objects.delete();
  });

  afterAll(() => db?.close());
}

describe.each(transportNames)('signals over %s', (transport) => {
  suiteDatabase(transport, 'orm_signals');

  it('save() of a new instance fires preSave then postSave with created: true, and what preSave sets is written', async () => {
    const seen = recordEvents();
    on('preSave', ({ instance, created }) => {
      if (created) instance.slug = instance.title.toLowerCase().replaceAll(' ', '-');
    });
    const note = new Note({ title: 'Hello World' });
    await note.save();
    expect(seen).toEqual(['preSave:Hello World', 'postSave:Hello World']);
    expect((await Note.objects.get({ id: note.id })).slug).toBe('hello-world');
  });

  it('objects.create() fires preSave and postSave once, on the instance it answers', async () => {
    const instances: unknown[] = [];
    on('preSave', ({ instance, created }) => {
      expect(created).toBe(true);
      instances.push(instance);
    });
    on('postSave', ({ instance }) => {
      instances.push(instance);
    });
    const note = await Note.objects.create({ title: 'made' });
    expect(instances).toEqual([note, note]);
    expect(instances[0]).toBe(note);
  });

  it('save() of a loaded instance fires preSave/postSave with created: false; merge() fires preUpdate/postUpdate; delete() preDelete/postDelete with the id', async () => {
    const note = await Note.objects.create({ title: 'a' });
    const seen = recordEvents();
    const created: boolean[] = [];
    on('postSave', (event) => {
      created.push(event.created);
    });
    const deleted: unknown[] = [];
    on('postDelete', ({ id }) => {
      deleted.push(id);
    });
    const id = note.id;
    note.views = 3;
    await note.save();
    await note.merge({ views: 4 });
    await note.delete();
    expect(seen).toEqual(['preSave:a', 'postSave:a', 'preUpdate:a', 'postUpdate:a', 'preDelete:a', 'postDelete:a']);
    expect(created).toEqual([false]);
    expect(deleted).toEqual([id]);
  });

  it('a preUpdate handler may add to the patch, and the addition is written', async () => {
    const note = await Note.objects.create({ title: 'patched' });
    on('preUpdate', ({ patch }) => {
      patch.slug = 'touched';
    });
    const patch = { views: 7 };
    await note.merge(patch);
    expect(patch).toEqual({ views: 7 });
    const stored = await Note.objects.get({ id: note.id });
    expect([stored.views, stored.slug]).toEqual([7, 'touched']);
  });

  it('runs async handlers one after the other, in registration order, model and global handlers in one list', async () => {
    const order: string[] = [];
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    on('preSave', async () => {
      await pause();
      order.push('model 1');
    });
    registered.push(
      hooks.on('preSave', async ({ model: m }) => {
        order.push(`global (${m.table})`);
      }),
    );
    on('preSave', () => {
      order.push('model 2');
    });
    registered.push(
      Audit.hooks.on('preSave', () => {
        order.push('audit only');
      }),
    );
    await Note.objects.create({ title: 'ordered' });
    expect(order).toEqual(['model 1', 'global (note)', 'model 2']);
  });

  it('a throwing preSave aborts the write: the error reaches the caller and nothing is written', async () => {
    on('preSave', ({ instance }) => {
      if (instance.title === 'spam') throw new Error('no spam');
    });
    await expect(Note.objects.create({ title: 'spam' })).rejects.toThrow('no spam');
    const note = new Note({ title: 'spam' });
    await expect(note.save()).rejects.toThrow('no spam');
    expect(note.id).toBeUndefined();
    expect(await Note.objects.count()).toBe(0);
  });

  it('a throwing preUpdate or preDelete leaves the record as it was', async () => {
    const note = await Note.objects.create({ title: 'kept', views: 1 });
    on('preUpdate', () => {
      throw new Error('frozen');
    });
    on('preDelete', () => {
      throw new Error('undeletable');
    });
    await expect(note.merge({ views: 2 })).rejects.toThrow('frozen');
    await expect(note.delete()).rejects.toThrow('undeletable');
    expect((await Note.objects.get({ id: note.id })).views).toBe(1);
  });

  it('merge() or delete() of an unsaved instance fails before any hook runs', async () => {
    const seen = recordEvents();
    await expect(new Note({ title: 'never saved' }).merge({ views: 1 })).rejects.toThrow(RecordNotAffectedError);
    await expect(new Note({ title: 'never saved' }).delete()).rejects.toThrow(RecordNotAffectedError);
    expect(seen).toEqual([]);
  });

  it('a removed handler no longer runs', async () => {
    const seen: string[] = [];
    const off = on('postSave', ({ instance }) => {
      seen.push(instance.title);
    });
    await Note.objects.create({ title: 'first' });
    off();
    await Note.objects.create({ title: 'second' });
    expect(seen).toEqual(['first']);
  });

  it('bulkCreate, bulkUpsert, upsert and queryset update()/delete() fire no hooks (they write in one statement, without instances)', async () => {
    const seen = recordEvents();
    await Note.objects.bulkCreate([{ title: 'b1' }, { title: 'b2' }]);
    await Note.objects.bulkUpsert([{ id: 'u1', title: 'u1' }], { key: 'id' });
    await Note.objects.upsert({ id: 'u2' }, { title: 'u2' });
    expect(await Note.objects.filter({ title__startswith: 'b' }).update({ views: 9 })).toBe(2);
    expect(await Note.objects.delete()).toBe(4);
    expect(seen).toEqual([]);
  });

  it('refuses an unknown event with a ModelDefinitionError', () => {
    expect(() => Note.hooks.on('beforeSave' as HookEvent, () => {})).toThrow(ModelDefinitionError);
  });
});

describe.each(['ws', 'embedded'] as const)('signals inside a transaction over %s', (transport) => {
  suiteDatabase(transport, 'orm_signals_tx');

  /** A postSave handler that writes an audit row through the client it is given. */
  const audit = () =>
    on('postSave', async ({ instance, using }) => {
      await Audit.objects.using(using).create({ action: 'saved', title: instance.title });
    });

  it('gives handlers the transaction as `using`: their writes commit with the save', async () => {
    audit();
    await transaction(async (tx) => {
      await Note.objects.using(tx).create({ title: 'in tx' });
      expect(await Audit.objects.using(tx).count()).toBe(1);
      expect(await Audit.objects.count()).toBe(0);
    });
    expect(await Audit.objects.valuesList('title', { flat: true })).toEqual(['in tx']);
  });

  it('rolls back the save and the handler writes together when the transaction fails later', async () => {
    audit();
    const failed = transaction(async (tx) => {
      await Note.objects.using(tx).create({ title: 'doomed' });
      throw new Error('abort');
    });
    await expect(failed).rejects.toThrow('abort');
    expect([await Note.objects.count(), await Audit.objects.count()]).toEqual([0, 0]);
  });

  it('a throwing postSave inside a transaction cancels it, so the save is undone too', async () => {
    on('postSave', () => {
      throw new Error('post failed');
    });
    await expect(transaction((tx) => Note.objects.using(tx).create({ title: 'undone' }))).rejects.toThrow('post failed');
    expect(await Note.objects.count()).toBe(0);
  });
});
