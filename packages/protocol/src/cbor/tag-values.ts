/**
 * @module What each tag decodes to: the tag's content (already decoded) becomes a value class,
 * a bigint, a Set, `undefined` for NONE, or a `Tagged` for tags this codec does not know.
 */
import { BoundExcluded, BoundIncluded } from '../values/bound.ts';
import { Datetime } from '../values/datetime.ts';
import { Decimal } from '../values/decimal.ts';
import { Duration } from '../values/duration.ts';
import { FileRef } from '../values/file-ref.ts';
import { Future } from '../values/future.ts';
import {
  Geometry,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
} from '../values/geometry.ts';
import { Range } from '../values/range.ts';
import { RecordIdRange } from '../values/record-id-range.ts';
import { RecordId, type RecordIdKey } from '../values/record-id.ts';
import { Table } from '../values/table.ts';
import { Uuid } from '../values/uuid.ts';
import { CborError } from './cbor-error.ts';
import * as tags from './tags.ts';
import { Tagged } from './tagged.ts';

/** The value of tag `tag` around `content`; `offset` is where the tag started, for errors. */
export function decodeTag(tag: number, content: unknown, offset: number): unknown {
  try {
    return fromContent(tag, content);
  } catch (error) {
    if (error instanceof CborError) throw error;
    throw new CborError(`Invalid content for tag ${tag}: ${(error as Error).message}`, offset);
  }
}

function fromContent(tag: number, content: unknown): unknown {
  switch (tag) {
    case tags.TAG_NONE:
      return undefined;
    case tags.TAG_TABLE:
      return new Table(text(content));
    case tags.TAG_RECORD_ID: {
      const [table, key] = tuple(content, 2, 2);
      const name = table instanceof Table ? table.name : text(table);
      if (key instanceof Range) return new RecordIdRange(name, key.begin as never, key.end as never);
      return new RecordId(name, key as RecordIdKey);
    }
    case tags.TAG_UUID:
      return new Uuid(bytes(content));
    case tags.TAG_UUID_STRING:
      return new Uuid(text(content));
    case tags.TAG_DECIMAL:
      return new Decimal(text(content));
    case tags.TAG_DATETIME: {
      const [seconds = 0, nanoseconds = 0] = tuple(content, 0, 2);
      return Datetime.fromEpoch(integer(seconds), integer(nanoseconds));
    }
    case tags.TAG_DATETIME_STRING:
      return new Datetime(text(content));
    case tags.TAG_DURATION: {
      const [seconds = 0, nanoseconds = 0] = tuple(content, 0, 2);
      return Duration.fromParts(integer(seconds), integer(nanoseconds));
    }
    case tags.TAG_DURATION_STRING:
      return new Duration(text(content));
    case tags.TAG_FUTURE:
      return new Future(text(content));
    case tags.TAG_RANGE: {
      const [begin, end] = tuple(content, 2, 2);
      return new Range(bound(begin), bound(end));
    }
    case tags.TAG_BOUND_INCLUDED:
      return new BoundIncluded(content);
    case tags.TAG_BOUND_EXCLUDED:
      return new BoundExcluded(content);
    case tags.TAG_FILE: {
      const [bucket, key] = tuple(content, 2, 2);
      return new FileRef(text(bucket), text(key));
    }
    case tags.TAG_SET:
      return new Set(tuple(content, 0, Infinity));
    case tags.TAG_GEOMETRY_POINT: {
      const [x, y] = tuple(content, 2, 2);
      return new GeometryPoint([number(x), number(y)]);
    }
    case tags.TAG_GEOMETRY_LINE:
      return new GeometryLine(tuple(content, 0, Infinity) as GeometryPoint[]);
    case tags.TAG_GEOMETRY_POLYGON:
      return new GeometryPolygon(tuple(content, 0, Infinity) as GeometryLine[]);
    case tags.TAG_GEOMETRY_MULTIPOINT:
      return new GeometryMultiPoint(tuple(content, 0, Infinity) as GeometryPoint[]);
    case tags.TAG_GEOMETRY_MULTILINE:
      return new GeometryMultiLine(tuple(content, 0, Infinity) as GeometryLine[]);
    case tags.TAG_GEOMETRY_MULTIPOLYGON:
      return new GeometryMultiPolygon(tuple(content, 0, Infinity) as GeometryPolygon[]);
    case tags.TAG_GEOMETRY_COLLECTION:
      return new GeometryCollection(tuple(content, 0, Infinity) as Geometry[]);
    case tags.TAG_BIGNUM_POSITIVE:
    case tags.TAG_BIGNUM_NEGATIVE: {
      const magnitude = bytes(content).reduce((n, byte) => (n << 8n) | BigInt(byte), 0n);
      return tag === tags.TAG_BIGNUM_POSITIVE ? magnitude : -1n - magnitude;
    }
    default:
      return new Tagged(tag, content);
  }
}

function text(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('expected a text string');
  return value;
}

function bytes(value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) throw new TypeError('expected a byte string');
  return value;
}

function number(value: unknown): number {
  if (typeof value !== 'number') throw new TypeError('expected a number');
  return value;
}

function integer(value: unknown): number | bigint {
  if (typeof value === 'bigint' || (typeof value === 'number' && Number.isInteger(value))) return value;
  throw new TypeError('expected an integer');
}

function tuple(value: unknown, min: number, max: number): unknown[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw new TypeError(max === Infinity ? 'expected an array' : `expected an array of ${min === max ? min : `${min} to ${max}`} items`);
  }
  return value;
}

/** A range end: tag 50/51, or null (or NONE) when unbounded. */
function bound(value: unknown): BoundIncluded | BoundExcluded | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof BoundIncluded || value instanceof BoundExcluded) return value;
  throw new TypeError('expected a range bound (tag 50 or 51) or null');
}
