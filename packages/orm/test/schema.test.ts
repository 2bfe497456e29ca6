/**
 * pushSchema() on the real engine: the definitions it sends are what INFO FOR TABLE shows, it can
 * run again (OVERWRITE), the server then enforces the same rules the client checks, and every
 * field type round-trips through create() as its @sdb/protocol value class.
 */
import { fn } from '@sdb/functions';
import { Datetime, Decimal, Duration, FileRef, GeometryLine, GeometryPoint, GeometryPolygon, RecordId, StatementError, Uuid } from '@sdb/protocol';
import { field, gt, param } from '@sdb/ql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configure, f, model, pushSchema } from '../src/index.ts';
import { transportNames, transports, type TestConnection } from './clients.ts';
import { Company, Person } from './models.ts';

const Sample = model(
  'sample',
  {
    text: f.string(),
    whole: f.int(),
    real: f.float(),
    num: f.number(),
    exact: f.decimal(),
    flag: f.bool(),
    at: f.datetime(),
    span: f.duration(),
    uid: f.uuid(),
    raw: f.bytes(),
    nested: f.object({ depth: f.int(), label: f.string().optional() }),
    list: f.array(f.int(), { max: 3 }),
    unique: f.set(f.string()),
    level: f.literal(1, 2, 3),
    owner: f.link(() => Company).optional(),
    anything: f.any().optional(),
  },
  { schemafull: true },
);

const Counter = model('counter', { n: f.int().assert(gt(param('value'), 0), (value) => value > 0) }, { schemafull: true });

describe.each(transportNames)('pushSchema over %s', (transport) => {
  let db: TestConnection;
  const raw = async <T>(query: string, bindings: Record<string, unknown> = {}) => (await db.client.queryAll<[T]>({ query, bindings }))[0];

  beforeAll(async () => {
    db = await transports[transport](`orm_schema_${transport}`);
    configure({ default: db.client });
    await pushSchema([Company, Person, Sample, Counter]);
  });

  afterAll(() => db?.close());

  it('defines what the declaration says, as INFO FOR TABLE shows it', async () => {
    const info = await raw<{ fields: Record<string, string>; indexes: Record<string, string> }>('INFO FOR TABLE person');
    expect(info.fields.score).toContain('TYPE none | float');
    expect(info.fields.company).toContain('TYPE none | record<company>');
    expect(info.fields.age).toContain('DEFAULT 0');
    expect(info.fields.joined).toContain('DEFAULT time::now()');
    expect(info.fields.code).toContain('READONLY');
    expect(info.fields['meta.plan']).toContain("$value INSIDE ['free', 'pro']");
    expect(info.indexes.person_email_unique).toContain('FIELDS email UNIQUE');
  });

  it('runs again over an existing schema (every definition is OVERWRITE)', async () => {
    await expect(pushSchema([Company, Person])).resolves.toBeUndefined();
  });

  it('leaves the server enforcing the same rules on writes that bypass the ORM', async () => {
    await expect(raw('CREATE person CONTENT { name: "X", email: "x@y.io", nickname: "x" }')).rejects.toBeInstanceOf(StatementError);
    await expect(raw('CREATE person CONTENT { name: "X", email: "x@y.io", meta: { plan: "gold" } }')).rejects.toThrow(/INSIDE/);
    await expect(raw('CREATE person CONTENT { name: "X", email: "not an email" }')).rejects.toThrow(/is_email/);
    await expect(raw('CREATE counter SET n = -1')).rejects.toThrow(/\$value > 0/);
  });

  it('round-trips every field type through create() as its value class', async () => {
    const company = await Company.objects.create({ name: 'Acme' });
    const created = await Sample.objects.create({
      text: 'hello',
      whole: 42,
      real: 1.5,
      num: 7,
      exact: new Decimal('12.345678901234567890'),
      flag: true,
      at: new Date('2026-01-02T03:04:05.678Z'),
      span: new Duration('1h30m'),
      uid: new Uuid('0192f1a2-7c3e-7000-8000-000000000001'),
      raw: new Uint8Array([1, 2, 3]),
      nested: { depth: 2 },
      list: [3, 1, 2],
      unique: new Set(['b', 'a', 'b']),
      level: 2,
      owner: company.id,
    });
    const row = await Sample.objects.get({ id: created.id });
    expect(row.text).toBe('hello');
    expect(row.exact).toBeInstanceOf(Decimal);
    expect(row.exact.equals(new Decimal('12.345678901234567890'))).toBe(true);
    expect(row.at).toBeInstanceOf(Datetime);
    expect(row.at.toDate().toISOString()).toBe('2026-01-02T03:04:05.678Z');
    expect(row.span).toBeInstanceOf(Duration);
    expect(row.uid).toBeInstanceOf(Uuid);
    expect([...row.raw]).toEqual([1, 2, 3]);
    expect(row.nested).toEqual({ depth: 2 });
    expect(row.list).toEqual([3, 1, 2]);
    expect([...row.unique]).toEqual(['a', 'b']);
    expect(row.level).toBe(2);
    expect(row.owner).toBeInstanceOf(RecordId);
    expect(row.owner?.table).toBe('company');
  });
});

const Place = model(
  'place',
  {
    name: f.string(),
    at: f.geometry('point'),
    area: f.geometry('polygon').optional(),
    shape: f.geometry('feature').optional(),
    embedding: f.vector(3),
    photo: f.file().optional(),
    shout: f.computed(fn.string.uppercase(field('name'))),
    secret: f.string().optional().permissions({ select: 'none', create: 'full', update: 'full' }),
  },
  { schemafull: true },
);

describe.each(transportNames)('geometry, vector, file, computed and permissioned fields over %s', (transport) => {
  let db: TestConnection;
  const raw = async <T>(query: string, bindings: Record<string, unknown> = {}) => (await db.client.queryAll<[T]>({ query, bindings }))[0];
  const square = new GeometryPolygon([new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([1, 0]), new GeometryPoint([1, 1]), new GeometryPoint([0, 0])])]);

  beforeAll(async () => {
    db = await transports[transport](`orm_kinds_${transport}`);
    configure({ default: db.client });
    await pushSchema([Place]);
  });

  afterAll(() => db?.close());

  it('defines geometry<kind>, array<float, n>, file, COMPUTED and PERMISSIONS', async () => {
    const info = await raw<{ fields: Record<string, string> }>('INFO FOR TABLE place');
    expect(info.fields.at).toContain('TYPE geometry<point>');
    expect(info.fields.area).toContain('TYPE none | geometry<polygon>');
    expect(info.fields.shape).toContain('TYPE none | geometry');
    expect(info.fields.embedding).toContain('TYPE array<float, 3>');
    expect(info.fields.photo).toContain('TYPE none | file');
    expect(info.fields.shout).toContain('COMPUTED string::uppercase(name)');
    expect(info.fields.secret).toMatch(/PERMISSIONS FOR select NONE, FOR create, update FULL|FOR select NONE/);
  });

  it('round-trips geometries and files as @sdb/protocol classes, and reads computed values', async () => {
    const created = await Place.objects.create({ name: 'park', at: new GeometryPoint([2.35, 48.85]), area: square, shape: new GeometryPoint([1, 2]), embedding: [0.5, 1, 2], photo: new FileRef('photos', '/park.png') });
    expect(created.shout).toBe('PARK');
    const place = await Place.objects.get({ id: created.id });
    expect(place.at).toBeInstanceOf(GeometryPoint);
    expect(place.at.coordinates).toEqual([2.35, 48.85]);
    expect(place.area).toBeInstanceOf(GeometryPolygon);
    expect(place.shape).toBeInstanceOf(GeometryPoint);
    expect(place.embedding).toEqual([0.5, 1, 2]);
    expect(place.photo).toBeInstanceOf(FileRef);
    expect(place.photo?.key).toBe('/park.png');
    place.name = 'garden';
    await place.save();
    await place.refresh();
    expect(place.shout).toBe('GARDEN');
  });

  it('checks kinds and dimensions on the client, and the server refuses the same writes', async () => {
    await expect(Place.objects.create({ name: 'x', at: square as never, embedding: [1, 2, 3] })).rejects.toMatchObject({ field: 'at', rule: 'type' });
    await expect(Place.objects.create({ name: 'x', at: new GeometryPoint([0, 0]), embedding: [1, 2] })).rejects.toMatchObject({ field: 'embedding', rule: 'dimension' });
    await expect(Place.objects.create({ name: 'x', at: new GeometryPoint([0, 0]), embedding: [1, 2, 3], shout: 'X' } as never)).rejects.toMatchObject({ field: 'shout', rule: 'computed' });
    // SurrealDB 3 holds array<float, 3> to exactly three floats, fewer or more.
    await expect(raw('CREATE place CONTENT { name: "x", at: (0, 0), embedding: [1.0, 2.0] }')).rejects.toThrow(/embedding/);
    await expect(raw('CREATE place CONTENT { name: "x", at: (0, 0), embedding: [1.0, 2.0, 3.0, 4.0] }')).rejects.toThrow(/embedding/);
    // The server ignores a written computed value (no error), so the client's refusal is what tells the user.
    const [written] = await raw<{ shout: string }[]>('CREATE place CONTENT { name: "y", at: (0, 0), embedding: [1.0, 2.0, 3.0], shout: "Z" }');
    expect(written?.shout).toBe('Y');
  });
});
