import { describe, expect, it } from 'vitest';
import { decode, encode } from '../src/codec.ts';
import { RecordId, Uuid, Datetime, Duration, Decimal, Table, Range, BoundIncluded, BoundExcluded, FileRef, GeometryPoint, GeometryLine, RecordIdRange } from '../src/values/index.ts';

describe('smoke', () => {
  it('round trips', () => {
    const values = [1, -1, 1.5, -0, NaN, 'héllo', 'abc', 2n ** 60n, null, undefined, true, [1, 2], { a: 1, b: [2] },
      new Map<unknown, unknown>([[1, 'a']]), new Set([1, 2]), new RecordId('person', 'tobie'), Uuid.v4(), Uuid.v7(), new Datetime(),
      new Duration('1h30m'), new Decimal('1.50'), new Table('t'), new Range(new BoundIncluded(1), new BoundExcluded(5)),
      new FileRef('b', '/k'), new GeometryLine([new GeometryPoint([1, 2]), new GeometryPoint([3, 4])]),
      new RecordIdRange('person', new BoundIncluded(1), undefined), 'x'.repeat(300), 'é'.repeat(300)];
    for (const v of values) {
      const back = decode(encode(v));
      expect(back).toEqual(v);
    }
  });
});
