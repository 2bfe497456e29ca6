/**
 * @module Real RPC frames as the client and the server send them (every SurrealDB tag among
 * them), and random edits of them: the seed of the decoder fuzz and of the malformed frames sent
 * to the server.
 */
import fc from 'fast-check';
import {
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  GeometryLine,
  GeometryPoint,
  GeometryPolygon,
  RecordId,
  RecordIdRange,
  Table,
  Uuid,
  encode,
} from '@sdb/protocol';

/** Real frames as the client and the server send them, every tag SurrealDB uses among them. */
export const REAL_FRAMES: Uint8Array[] = [
  encode({ id: 1, method: 'query', params: ['SELECT * FROM $p0 WHERE age > $p1', { p0: new Table('person'), p1: 18 }] }),
  encode({ id: '7', method: 'create', params: [new RecordId('person', 'ann'), { name: 'Ann', tags: ['a', 'b'], at: new Datetime('2026-01-02T03:04:05.123456789Z') }] }),
  encode({ id: 3, result: [{ status: 'OK', time: '1.2ms', result: [{ id: new RecordId('person', ['a', 1]), score: new Decimal('12.50'), took: new Duration('1h2m3s') }] }] }),
  encode({ id: 4, error: { code: -32000, message: 'There was a problem with the database', kind: 'Query', details: { table: 'x' } } }),
  encode({ result: { id: new Uuid('0190d6a2-63e1-7000-8000-000000000001'), action: 'UPDATE', record: new RecordId('t', 1n), result: { big: 2n ** 62n, f: 1.5, none: undefined, nil: null } } }),
  encode({ id: 5, result: { range: new RecordIdRange("t", new BoundIncluded(1), new BoundExcluded(10)), file: new FileRef('bucket', '/a/b.txt'), set: new Set([1, 2]), map: new Map([['k', 'v']]) } }),
  encode({ id: 6, result: { point: new GeometryPoint([1.5, 2.5]), line: new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([1, 1])]), bytes: new Uint8Array([1, 2, 3]) } }),
  encode({ id: 8, result: new GeometryPolygon([new GeometryLine([new GeometryPoint([0, 0]), new GeometryPoint([0, 1]), new GeometryPoint([1, 1]), new GeometryPoint([0, 0])])]) }),
];

/** One random edit of a real frame: a byte changed, bytes inserted or removed, or the frame cut short. */
export const mutatedFrame = fc
  .record({
    frame: fc.constantFrom(...REAL_FRAMES),
    edits: fc.array(
      fc.oneof(
        fc.record({ kind: fc.constant('set' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
        fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 9 }) }),
        fc.record({ kind: fc.constant('remove' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
        fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ frame, edits }) => {
    let bytes = [...frame];
    for (const edit of edits) {
      const at = bytes.length === 0 ? 0 : edit.at % bytes.length;
      if (edit.kind === 'set') bytes[at] = edit.byte;
      else if (edit.kind === 'insert') bytes.splice(at, 0, ...edit.bytes);
      else if (edit.kind === 'remove') bytes.splice(at, edit.count);
      else bytes = bytes.slice(0, at);
    }
    return Uint8Array.from(bytes);
  });

