/**
 * @module `instanceof` across two copies of @sdb/protocol, as when an application ends up with
 * two installed versions: a fresh module registry loads the source a second time, giving
 * distinct classes whose values must still be recognised, encoded and compared.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { CborError, decode, encode } from '../src/codec.ts';
import * as values from '../src/values/index.ts';
import { BoundIncluded, Datetime, GeometryPoint, RecordId, Uuid } from '../src/values/index.ts';

let copy: typeof values;
let copyCodec: typeof import('../src/codec.ts');

beforeAll(async () => {
  vi.resetModules();
  copy = await import('../src/values/index.ts');
  copyCodec = await import('../src/codec.ts');
});

/** One sample per class, built by a given copy of the module. */
function samples(v: typeof values) {
  const point = new v.GeometryPoint([1, 2]);
  const line = new v.GeometryLine([point, point]);
  const polygon = new v.GeometryPolygon([line]);
  return {
    RecordId: new v.RecordId('t', 1),
    RecordIdRange: new v.RecordIdRange('t', new v.BoundIncluded(1), undefined),
    Table: new v.Table('t'),
    Uuid: v.Uuid.v4(),
    Datetime: new v.Datetime(),
    Duration: new v.Duration('1h'),
    Decimal: new v.Decimal('1.5'),
    Range: new v.Range(undefined, new v.BoundExcluded(2)),
    BoundIncluded: new v.BoundIncluded(1),
    BoundExcluded: new v.BoundExcluded(1),
    FileRef: new v.FileRef('b', '/k'),
    Future: new v.Future('1'),
    GeometryPoint: point,
    GeometryLine: line,
    GeometryPolygon: polygon,
    GeometryMultiPoint: new v.GeometryMultiPoint([point]),
    GeometryMultiLine: new v.GeometryMultiLine([line]),
    GeometryMultiPolygon: new v.GeometryMultiPolygon([polygon]),
    GeometryCollection: new v.GeometryCollection([point]),
  };
}

describe('a second copy of the module', () => {
  it('really has distinct classes', () => {
    expect(copy.RecordId).not.toBe(RecordId);
    expect(copyCodec.encode).not.toBe(encode);
  });

  it.each(Object.keys(samples(values)))("%s from the other copy passes this copy's instanceof, and back", (name) => {
    const ours = values[name as keyof typeof values] as unknown as abstract new (...args: never[]) => unknown;
    const theirs = copy[name as keyof typeof values] as unknown as abstract new (...args: never[]) => unknown;
    expect(samples(copy)[name as keyof ReturnType<typeof samples>]).toBeInstanceOf(ours);
    expect(samples(values)[name as keyof ReturnType<typeof samples>]).toBeInstanceOf(theirs);
  });

  it('does not confuse one class with another', () => {
    const theirs = samples(copy);
    expect(theirs.RecordId instanceof values.Table).toBe(false);
    expect(theirs.GeometryLine instanceof GeometryPoint).toBe(false);
    expect(theirs.GeometryLine instanceof values.Geometry).toBe(true);
    expect({ table: 't', id: 1 } instanceof RecordId).toBe(false);
  });

  it("encodes the other copy's values, and decodes to this copy's classes", () => {
    for (const value of Object.values(samples(copy))) {
      const decoded = decode(encode(value)) as { equals(other: unknown): boolean };
      expect(decoded.equals(value)).toBe(true);
      expect(value.equals(decoded)).toBe(true);
      expect(copyCodec.encode(decoded)).toEqual(encode(value));
    }
  });

  it("accepts the other copy's values inside its own", () => {
    const id = new RecordId('t', copy.Uuid.v4());
    expect(id.id).toBeInstanceOf(Uuid);
    expect(new values.Range(new copy.BoundIncluded(1), undefined).begin).toBeInstanceOf(BoundIncluded);
    expect(new Datetime(new copy.Datetime('2024-01-01T00:00:00Z')).toISOString()).toBe('2024-01-01T00:00:00Z');
  });

  it("recognises the other copy's CborError", () => {
    let error: unknown;
    try {
      copyCodec.decode(new Uint8Array([0xff]));
    } catch (caught) {
      error = caught;
    }
    expect(error).not.toBeUndefined();
    expect(error).toBeInstanceOf(CborError);
  });
});

describe('user subclasses', () => {
  class UserId extends RecordId<'user'> {}

  it('keep ordinary instanceof semantics', () => {
    expect(new UserId('user', 1)).toBeInstanceOf(UserId);
    expect(new UserId('user', 1)).toBeInstanceOf(RecordId);
    expect(new RecordId('user', 1)).not.toBeInstanceOf(UserId);
  });
});
