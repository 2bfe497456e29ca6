/**
 * Model instances on the real engine, over @sdb/ws and over @sdb/http: create, save (changed
 * fields only), refresh in place, merge, delete, the typed error when a write affects no record,
 * and client-side validation naming the field and the rule.
 */
import { Datetime, RecordId, UniqueViolationError } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, f, pushSchema, RecordNotAffectedError, ValidationError, DoesNotExistError } from '../src/index.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';

describe.each(transportNames)('instances over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_inst_${transport}`);
    configure({ default: db.client });
    await pushSchema([Company, Person]);
  });

  afterAll(() => db?.close());

  /** The record as stored, read with a plain query (not through the ORM). */
  const stored = async (id: RecordId): Promise<Record<string, unknown>> => {
    const [rows] = await db.client.queryAll<[Record<string, unknown>[]]>('SELECT * FROM $id', { id });
    return rows[0] ?? {};
  };

  it('create() fills client defaults, lets the server apply DEFAULT time::now(), and answers an instance', async () => {
    const ann = await Person.objects.create({ name: 'Ann', email: 'ann@x.io' });
    expect(ann.id).toBeInstanceOf(RecordId);
    expect(ann.id.table).toBe('person');
    expect(ann.age).toBe(0);
    expect(ann.tags).toEqual([]);
    expect(ann.joined).toBeInstanceOf(Datetime);
    expect('score' in ann).toBe(false);
  });

  it('save() on a loaded instance writes only the changed fields', async () => {
    const ann = await Person.objects.create({ name: 'Ann2', email: 'ann2@x.io', age: 31 });
    // Someone else changes `name` meanwhile; our save of `age` must not write our stale `name` back.
    await db.client.queryAll('UPDATE $id SET name = "Changed elsewhere"', { id: ann.id });
    ann.age = 32;
    ann.tags.push('vip');
    await ann.save();
    expect(await stored(ann.id)).toMatchObject({ name: 'Changed elsewhere', age: 32, tags: ['vip'] });
    expect(ann.name).toBe('Changed elsewhere');
  });

  it('save() on a new instance creates the record', async () => {
    const bob = new Person({ name: 'Bob', email: 'bob@x.io', age: 40 });
    expect(bob.id).toBeUndefined();
    await bob.save();
    expect((await stored(bob.id)).name).toBe('Bob');
  });

  it('refresh() updates the instance in place, removing fields that were unset', async () => {
    const cat = await Person.objects.create({ name: 'Cat', email: 'cat@x.io', score: 1.5 });
    await db.client.queryAll('UPDATE $id SET age = 50, score = NONE', { id: cat.id });
    await cat.refresh();
    expect(cat.age).toBe(50);
    expect('score' in cat).toBe(false);
  });

  it('merge() writes the patch and takes the record\'s new state; undefined unsets an optional field', async () => {
    const dan = await Person.objects.create({ name: 'Dan', email: 'dan@x.io', score: 3 });
    await dan.merge({ score: 9.5, meta: { plan: 'pro' } });
    expect(dan.score).toBe(9.5);
    expect(await stored(dan.id)).toMatchObject({ score: 9.5, meta: { plan: 'pro' } });
    await dan.merge({ score: undefined });
    expect('score' in (await stored(dan.id))).toBe(false);
  });

  it('delete() removes the record; saving, merging or deleting a missing record is a typed error', async () => {
    const eve = await Person.objects.create({ name: 'Eve', email: 'eve@x.io' });
    const copy = await Person.objects.get({ id: eve.id });
    await eve.delete();
    expect(await Person.objects.filter({ id: copy.id }).exists()).toBe(false);
    copy.age = 3;
    await expect(copy.save()).rejects.toBeInstanceOf(RecordNotAffectedError);
    await expect(copy.merge({ age: 4 })).rejects.toBeInstanceOf(RecordNotAffectedError);
    await expect(copy.delete()).rejects.toBeInstanceOf(RecordNotAffectedError);
    await expect(copy.refresh()).rejects.toBeInstanceOf(DoesNotExistError);
    // Nothing was re-created by those attempts.
    expect(await Person.objects.filter({ email: 'eve@x.io' }).count()).toBe(0);
  });

  it('atomic operations are computed by the server from the stored value', async () => {
    const hal = await Person.objects.create({ name: 'Hal', email: 'hal@x.io', age: 10, tags: ['a'] });
    // Another writer changes age meanwhile: an increment adds to the stored value, not to our copy.
    await db.client.queryAll('UPDATE $id SET age = 20', { id: hal.id });
    await hal.merge({ age: f.increment(5), tags: f.addToSet('a', 'b') });
    expect(hal.age).toBe(25);
    expect(hal.tags).toEqual(['a', 'b']);
    await hal.merge({ tags: f.append('a'), score: undefined });
    expect(hal.tags).toEqual(['a', 'b', 'a']);
    await hal.merge({ tags: f.remove('a'), age: f.decrement() });
    expect(await stored(hal.id)).toMatchObject({ tags: ['b'], age: 24 });
  });

  it('queryset update() takes atomic operations too, and an append to an absent array starts it', async () => {
    await Person.objects.create({ name: 'Ivy', email: 'ivy@x.io', score: 1 });
    await Person.objects.create({ name: 'Jon', email: 'jon@x.io', score: 2 });
    expect(await Person.objects.filter({ email__in: ['ivy@x.io', 'jon@x.io'] }).update({ score: f.increment(10), tags: f.append('new') })).toBe(2);
    expect(await Person.objects.filter({ email__in: ['ivy@x.io', 'jon@x.io'] }).orderBy('name').values('score', 'tags')).toEqual([
      { score: 11, tags: ['new'] },
      { score: 12, tags: ['new'] },
    ]);
  });

  it('an atomic operation that does not fit the field is refused before anything is sent', async () => {
    const kim = await Person.objects.create({ name: 'Kim', email: 'kim@x.io' });
    await expect(kim.merge({ name: f.increment(1) as never })).rejects.toMatchObject({ field: 'name', rule: 'type' });
    await expect(kim.merge({ tags: f.append(3) as never })).rejects.toMatchObject({ field: 'tags[0]', rule: 'type' });
  });

  it('upsert() creates the record its unique lookup does not find, then updates that same record', async () => {
    const first = await Person.objects.upsert({ email: 'una@x.io' }, { name: 'Una', age: 20 });
    const second = await Person.objects.upsert({ email: 'una@x.io' }, { age: f.increment(1) });
    expect(String(second.id)).toBe(String(first.id));
    expect(second).toMatchObject({ name: 'Una', age: 21 });
    expect(await Person.objects.filter({ email: 'una@x.io' }).count()).toBe(1);
    const byId = await Person.objects.upsert({ id: 'vic' }, { name: 'Vic', email: 'vic@x.io' });
    expect(String(byId.id)).toBe('person:vic');
  });

  it('upsert() that would create an invalid record raises instead of returning nothing, and needs a unique lookup', async () => {
    // `name` is required: SurrealDB answers this UPSERT with an empty result and no error.
    await expect(Person.objects.upsert({ email: 'nameless@x.io' })).rejects.toBeInstanceOf(RecordNotAffectedError);
    expect(await Person.objects.filter({ email: 'nameless@x.io' }).exists()).toBe(false);
    await expect(Person.objects.upsert({ name: 'Una' }, { age: 1 })).rejects.toThrow(/not declared .unique\(\)/);
  });

  it('validation on save names the field and the rule, before anything is sent', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ email: 'a@b.io' }, 'name', 'required'],
      [{ name: 'X', email: 'x@y.io', age: 1.5 }, 'age', 'type'],
      [{ name: 'X', email: 'not-an-email' }, 'email', 'assert'],
      [{ name: 'X', email: 'x@y.io', meta: { plan: 'gold' } }, 'meta.plan', 'literal'],
      [{ name: 'X', email: 'x@y.io', score: null }, 'score', 'null'],
      [{ name: 'X', email: 'x@y.io', company: new RecordId('person', 'ann') }, 'company', 'link'],
      [{ name: 'X', email: 'x@y.io', nickname: 'x' }, 'nickname', 'unknown_field'],
    ];
    for (const [data, field, rule] of cases) {
      const error = await Person.objects.create(data as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(error).toMatchObject({ model: 'person', field, rule });
    }
    expect(await Person.objects.filter({ name: 'X' }).count()).toBe(0);
  });

  it('a read-only field cannot change once the record exists', async () => {
    const fay = await Person.objects.create({ name: 'Fay', email: 'fay@x.io', code: 'F1' });
    (fay as { code?: string }).code = 'F2';
    await expect(fay.save()).rejects.toMatchObject({ field: 'code', rule: 'readonly' });
    await expect(fay.merge({ code: 'F3' })).rejects.toMatchObject({ field: 'code', rule: 'readonly' });
    expect((await stored(fay.id)).code).toBe('F1');
  });

  it('the server\'s own errors pass through: a unique index violation is a UniqueViolationError naming the index', async () => {
    await Person.objects.create({ name: 'Gus', email: 'gus@x.io' });
    const error = await Person.objects.create({ name: 'Gus again', email: 'gus@x.io' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect((error as Error).message).toContain('person_email_unique');
  });
});
