/**
 * @module What each tag decodes to: the tag's content (already decoded) becomes a value class,
 * a bigint, a Set, `undefined` for NONE, or a `Tagged` for tags this codec does not know. The
 * value classes' constructors check the content; a failed check becomes a CborError at the tag.
 */
import { BoundExcluded, BoundIncluded } from '../values/bound.ts';
import { Datetime } from '../values/datetime.ts';
import { Decimal } from '../values/decimal.ts';
import { Duration } from '../values/duration.ts';
import { FileRef } from '../values/file-ref.ts';
import { Future } from '../values/future.ts';
import { toHex } from '../values/hex.ts';
import {
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
import { RecordId } from '../values/record-id.ts';
import { Table } from '../values/table.ts';
import { Uuid } from '../values/uuid.ts';
import { CborError } from './cbor-error.ts';
import * as tags from './tags.ts';
import { Tagged } from './tagged.ts';

/** The value of tag `tag` around `content`; `offset` is where the tag started, for errors. */
export function decodeTag(tag: number, content: unknown, offset: number): unknown {
  try {
    return fromContent(tag, content as never);
  } catch (error) {
    throw new CborError(`Invalid content for tag ${tag}: ${(error as Error).message}`, offset);
  }
}

/** Tags whose content is the one argument of a value class's constructor, which checks it. */
const CONSTRUCTORS: Record<number, new (content: never) => unknown> = {
  [tags.TAG_TABLE]: Table,
  [tags.TAG_UUID]: Uuid,
  [tags.TAG_UUID_STRING]: Uuid,
  [tags.TAG_DECIMAL]: Decimal,
  [tags.TAG_DURATION_STRING]: Duration,
  [tags.TAG_FUTURE]: Future,
  [tags.TAG_BOUND_INCLUDED]: BoundIncluded,
  [tags.TAG_BOUND_EXCLUDED]: BoundExcluded,
  [tags.TAG_GEOMETRY_POINT]: GeometryPoint,
  [tags.TAG_GEOMETRY_LINE]: GeometryLine,
  [tags.TAG_GEOMETRY_POLYGON]: GeometryPolygon,
  [tags.TAG_GEOMETRY_MULTIPOINT]: GeometryMultiPoint,
  [tags.TAG_GEOMETRY_MULTILINE]: GeometryMultiLine,
  [tags.TAG_GEOMETRY_MULTIPOLYGON]: GeometryMultiPolygon,
  [tags.TAG_GEOMETRY_COLLECTION]: GeometryCollection,
};

/** `content` is typed `never` so it passes to any constructor: each checks what it is given. */
function fromContent(tag: number, content: never): unknown {
  const Class = CONSTRUCTORS[tag];
  if (Class) return new Class(content);
  switch (tag) {
    case tags.TAG_NONE:
      return undefined;
    case tags.TAG_RECORD_ID: {
      const [table, key] = pair(content);
      // `typeof` first: most keys are strings or numbers, and a brand check costs more.
      if (typeof key === 'object' && (key as unknown) instanceof Range) return new RecordIdRange(table, (key as Range).begin as never, (key as Range).end as never);
      return new RecordId(table, key);
    }
    case tags.TAG_DATETIME:
      return Datetime.fromEpoch(...integers(content));
    case tags.TAG_DATETIME_STRING:
      // Not through the table: `new Datetime()` of NONE would be now.
      if (typeof content !== 'string') throw new TypeError('expected a text string');
      return new Datetime(content);
    case tags.TAG_DURATION:
      return Duration.fromParts(...integers(content));
    case tags.TAG_RANGE: {
      // An open end is null (or NONE) on the wire.
      const [begin, end] = pair(content);
      return new Range(begin ?? undefined, end ?? undefined);
    }
    case tags.TAG_FILE: {
      const [bucket, key] = pair(content);
      return new FileRef(bucket, key);
    }
    case tags.TAG_SET:
      return new Set(array(content));
    case tags.TAG_BIGNUM_POSITIVE:
    case tags.TAG_BIGNUM_NEGATIVE: {
      if (!((content as unknown) instanceof Uint8Array)) throw new TypeError('expected a byte string');
      const magnitude = BigInt(`0x0${toHex(content)}`);
      return tag === tags.TAG_BIGNUM_POSITIVE ? magnitude : -1n - magnitude;
    }
    default:
      return new Tagged(tag, content);
  }
}

function array(value: unknown): never[] {
  if (!Array.isArray(value)) throw new TypeError('expected an array');
  return value as never[];
}

function pair(value: unknown): [never, never] {
  if (array(value).length !== 2) throw new TypeError('expected an array of 2 items');
  return value as [never, never];
}

/** `[seconds, nanoseconds]` of a datetime or duration, where SurrealDB omits trailing zeros. */
function integers(value: unknown): [number | bigint, number | bigint] {
  const parts = array(value) as unknown[];
  const seconds = parts[0] === undefined ? 0 : parts[0];
  const nanoseconds = parts[1] === undefined ? 0 : parts[1];
  if (parts.length > 2 || !isInteger(seconds) || !isInteger(nanoseconds)) throw new TypeError('expected up to 2 integers');
  return [seconds, nanoseconds];
}

function isInteger(value: unknown): value is number | bigint {
  return typeof value === 'bigint' || Number.isInteger(value);
}
