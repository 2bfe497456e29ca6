/**
 * Live querysets on the real engine, over the live-capable clients (@sdb/ws and the embedded
 * client): `filter(...).live()` and `watch()` yield model instances, the filter travels as bound
 * parameters, and over @sdb/http live is a typed refusal. SurrealDB 3.0.2 may deliver the
 * notifications of quick successive writes out of order, so a test that needs an order waits for
 * one event before making the next write.
 */
import { InvalidArgumentError } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { configure, f, model, pushSchema, QuerySetError, type LiveChange, type WatchModelEvent } from '../src/index.ts';
import { quiet, recordQueries, take } from '../../stream/test/support.ts';
import { transports, type TestConnection } from './clients.ts';

const Member = model('member', { name: f.string(), age: f.int().default(0), team: f.string().optional() }, { schemafull: true });
type MemberInstance = InstanceType<typeof Member>;

describe.each(['ws', 'embedded'] as const)('live querysets over %s', (transport) => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports[transport](`orm_live_${transport}`);
    configure({ default: db.client });
    await pushSchema([Member]);
  });

  afterAll(() => db?.close());

  it('filter().live() yields a CREATE with a model instance for a matching record, nothing for the others', async () => {
    const events = await Member.objects.filter({ age__gte: 18, team: 'red' }).live();
    await Member.objects.create({ name: 'Kid', age: 9, team: 'red' });
    await Member.objects.create({ name: 'Blue', age: 40, team: 'blue' });
    const adult = await Member.objects.create({ name: 'Adult', age: 40, team: 'red' });
    const [event] = (await take(events, 1)) as LiveChange<MemberInstance>[];
    expect(event!.action).toBe('CREATE');
    expect(event!.id).toEqual(adult.id);
    expect(event!.instance).toBeInstanceOf(Member);
    expect({ name: event!.instance.name, age: event!.instance.age }).toEqual({ name: 'Adult', age: 40 });
    expect(event!.changedFields).toBeUndefined();
    expect(await quiet(events, 300)).toBe(true);
    await events.kill();
  });

  it('an UPDATE names the fields that changed since the state it yielded last; a DELETE carries the record as it was', async () => {
    const events = await Member.objects.filter({ team: 'green' }).live();
    const gus = await Member.objects.create({ name: 'Gus', age: 30, team: 'green' });
    expect((await take(events, 1))[0]).toMatchObject({ action: 'CREATE', id: gus.id });
    await gus.merge({ age: 31 });
    const [updated] = (await take(events, 1)) as LiveChange<MemberInstance>[];
    expect(updated).toMatchObject({ action: 'UPDATE', id: gus.id, changedFields: ['age'] });
    expect(updated!.instance.age).toBe(31);
    const id = gus.id;
    await gus.delete();
    const [deleted] = (await take(events, 1)) as LiveChange<MemberInstance>[];
    expect(deleted).toMatchObject({ action: 'DELETE', id });
    expect(deleted!.instance.age).toBe(31);
    await events.kill();
  });

  it('the filter compiles through the lookup table and travels bound: the LIVE SELECT text holds no value', async () => {
    const { client, texts } = recordQueries(db.client);
    const hostile = "o'brien; DELETE member";
    const events = await Member.objects.using(client).filter({ team: hostile, name__istartswith: 'z' }).live();
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^LIVE SELECT \* FROM member WHERE \(.*\$p0.*\$p1.*\)$/);
    expect(texts[0]).not.toContain('brien');
    await Member.objects.create({ name: 'Zed', team: hostile });
    await Member.objects.create({ name: 'Amy', team: hostile });
    expect((await take(events, 1))[0]).toMatchObject({ action: 'CREATE', instance: { name: 'Zed', team: hostile } });
    expect(await quiet(events, 300)).toBe(true);
    await events.kill();
  });

  it('watch(): a SNAPSHOT instance per matching record, READY, then the changes', async () => {
    const ivy = await Member.objects.create({ name: 'Ivy', age: 50, team: 'violet' });
    await Member.objects.create({ name: 'Out', age: 50, team: 'other' });
    const events = await Member.objects.filter({ team: 'violet' }).watch();
    const [snapshot, ready] = (await take(events, 2)) as WatchModelEvent<MemberInstance>[];
    expect(snapshot).toMatchObject({ action: 'SNAPSHOT', id: ivy.id });
    expect((snapshot as { instance: MemberInstance }).instance).toBeInstanceOf(Member);
    expect(ready).toEqual({ action: 'READY' });
    await ivy.merge({ name: 'Ivy B' });
    const [updated] = (await take(events, 1)) as LiveChange<MemberInstance>[];
    // The snapshot is the state it compares with.
    expect(updated).toMatchObject({ action: 'UPDATE', id: ivy.id, changedFields: ['name'], instance: { name: 'Ivy B' } });
    await events.kill();
  });

  it('break ends the stream and kills the live query on the server', async () => {
    const events = await Member.objects.filter({ team: 'black' }).live();
    await Member.objects.create({ name: 'Bo', team: 'black' });
    for await (const event of events) {
      expect(event.action).toBe('CREATE');
      break;
    }
    const [info] = await db.client.queryAll<[{ lives: object }]>('INFO FOR TABLE member');
    expect(Object.keys(info.lives)).toHaveLength(0);
    expect(await events.next()).toEqual({ done: true, value: undefined });
  });

  it('events are typed: the instance is the model\'s, changedFields its field names', async () => {
    const events = await Member.objects.filter({ team: 'typed' }).live();
    type Event = Awaited<ReturnType<typeof events.next>>['value'];
    expectTypeOf<Exclude<Event, { action: 'RESYNC' } | undefined>>().toEqualTypeOf<LiveChange<MemberInstance, 'name' | 'age' | 'team'>>();
    await events.kill();
  });

  it('an ordered or sliced queryset is refused before anything is sent', async () => {
    await expect(Member.objects.orderBy('age').live()).rejects.toThrow(QuerySetError);
    await expect(Member.objects.limit(3).watch()).rejects.toThrow(QuerySetError);
  });
});

describe('live querysets over http', () => {
  let db: TestConnection;

  beforeAll(async () => {
    db = await transports.http('orm_live_http');
    await pushSchema([Member], { using: db.client });
  });

  afterAll(() => db?.close());

  it('live() and watch() are typed errors that point to changes(): HTTP holds no live query', async () => {
    await expect(Member.objects.using(db.client).live()).rejects.toThrow(InvalidArgumentError);
    await expect(Member.objects.using(db.client).watch()).rejects.toThrow(/changes\(\)/);
    // Nothing was registered, nothing written.
    expect(await Member.objects.using(db.client).count()).toBe(0);
  });
});
