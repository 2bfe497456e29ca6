/**
 * Every SurrealDB CBOR tag against the real engine: each value is sent as a bound parameter,
 * the engine names its SurrealQL type (so we know it understood the tag, not just echoed bytes),
 * stores it in a record, and the value read back equals the one sent. Runs both in-process
 * (`createEmbeddedTransport`) and through the WebSocket server (whose replies are spliced bytes).
 */
import {
  BoundExcluded,
  BoundIncluded,
  Datetime,
  Decimal,
  Duration,
  FileRef,
  GeometryCollection,
  GeometryLine,
  GeometryMultiLine,
  GeometryMultiPoint,
  GeometryMultiPolygon,
  GeometryPoint,
  GeometryPolygon,
  Range,
  RecordId,
  RecordIdRange,
  Table,
  Uuid,
} from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type EmbeddedServer } from '../src/server.ts';
import { createEmbeddedTransport, type EmbeddedTransport } from '../src/transport.ts';
import { RawSocket } from './raw-socket.ts';

interface Case {
  name: string;
  value: unknown;
  /** What `type::of($value)` answers in SurrealDB 3.0.2. */
  type: string;
}

const point = (x: number, y: number) => new GeometryPoint([x, y]);
const line = new GeometryLine([point(0, 0), point(1, 1), point(2, 0)]);
const ring = new GeometryLine([point(0, 0), point(0, 1), point(1, 1), point(0, 0)]);
const polygon = new GeometryPolygon([ring]);

const cases: Case[] = [
  { name: 'RecordId with a string key', value: new RecordId('person', 'tobie lee'), type: 'record' },
  { name: 'RecordId with a number key', value: new RecordId('person', 42), type: 'record' },
  { name: 'RecordId with a bigint key', value: new RecordId('person', 2n ** 62n), type: 'record' },
  { name: 'RecordId with a uuid key', value: new RecordId('person', new Uuid('0191f5c8-7b1a-7c3e-9a2b-3c4d5e6f7a8b')), type: 'record' },
  { name: 'RecordId with an array key', value: new RecordId('reading', ['london', new Datetime('2024-01-01T00:00:00Z')]), type: 'record' },
  { name: 'RecordId with an object key', value: new RecordId('reading', { city: 'london', n: 1 }), type: 'record' },
  { name: 'RecordIdRange', value: new RecordIdRange('person', new BoundIncluded(1), new BoundExcluded(10)), type: 'record' },
  { name: 'Table', value: new Table('person'), type: 'table' },
  { name: 'Uuid v4', value: Uuid.v4(), type: 'uuid' },
  { name: 'Uuid v7', value: Uuid.v7(), type: 'uuid' },
  { name: 'Datetime with nanoseconds', value: new Datetime('2024-02-29T12:34:56.123456789Z'), type: 'datetime' },
  { name: 'Datetime before 1970', value: new Datetime('1969-07-20T20:17:40.000000001Z'), type: 'datetime' },
  { name: 'Duration down to nanoseconds', value: new Duration('1w2d3h4m5s6ms7us8ns'), type: 'duration' },
  { name: 'Decimal beyond float precision', value: new Decimal('12345678901234567890.123456789'), type: 'decimal' },
  { name: 'Range with both bounds', value: new Range(new BoundIncluded(1), new BoundExcluded(10)), type: 'range' },
  { name: 'Range open at the start', value: new Range(undefined, new BoundIncluded(5)), type: 'range' },
  { name: 'FileRef', value: new FileRef('bucket', '/docs/report.pdf'), type: 'file' },
  { name: 'GeometryPoint', value: point(-0.118092, 51.509865), type: 'geometry<point>' },
  { name: 'GeometryLine', value: line, type: 'geometry<line>' },
  { name: 'GeometryPolygon', value: polygon, type: 'geometry<polygon>' },
  { name: 'GeometryMultiPoint', value: new GeometryMultiPoint([point(1, 2), point(3, 4)]), type: 'geometry<multipoint>' },
  { name: 'GeometryMultiLine', value: new GeometryMultiLine([line, ring]), type: 'geometry<multiline>' },
  { name: 'GeometryMultiPolygon', value: new GeometryMultiPolygon([polygon, polygon]), type: 'geometry<multipolygon>' },
  { name: 'GeometryCollection', value: new GeometryCollection([point(1, 2), line, polygon]), type: 'geometry<collection>' },
  { name: 'Set', value: new Set([1, 'two', 3]), type: 'set' },
  { name: 'NONE', value: undefined, type: 'none' },
  { name: 'null', value: null, type: 'null' },
  { name: 'bigint beyond 2^53', value: 2n ** 62n + 1n, type: 'int' },
  { name: 'negative bigint', value: -(2n ** 63n), type: 'int' },
  { name: 'float', value: 1.5, type: 'float' },
  { name: 'bytes', value: Uint8Array.of(0, 1, 2, 254, 255), type: 'bytes' },
  { name: 'nested object with mixed values', value: { when: new Datetime('2024-01-01T00:00:00.5Z'), tags: ['a', 'b'], owner: new RecordId('person', 'tobie') }, type: 'object' },
];

/** Something that runs one RPC call and resolves its result. */
type Call = (method: string, params: unknown[]) => Promise<unknown>;

let transport: EmbeddedTransport;
let server: EmbeddedServer;
let socket: RawSocket;
const clients: Record<string, Call> = {};

beforeAll(async () => {
  transport = await createEmbeddedTransport('mem://');
  server = await startServer();
  socket = await RawSocket.open(server.url);
  clients['in-process'] = (method, params) => transport.call(method, params);
  clients['ws server'] = (method, params) => socket.result(method, params);
  for (const call of Object.values(clients)) {
    await call('use', ['roundtrip', 'main']);
    await call('query', ['DEFINE TABLE rt SCHEMALESS']);
  }
});

afterAll(async () => {
  await socket.close();
  await server.close();
  await transport.close();
});

/** Deep equality that uses the value classes' own `equals`. */
function same(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && typeof (expected as { equals?: unknown }).equals === 'function') {
    return (expected as { equals(other: unknown): boolean }).equals(actual);
  }
  if (expected instanceof Set) return actual instanceof Set && actual.size === expected.size && [...expected].every((item) => actual.has(item));
  if (expected instanceof Uint8Array) return actual instanceof Uint8Array && actual.length === expected.length && expected.every((byte, i) => actual[i] === byte);
  if (Array.isArray(expected)) return Array.isArray(actual) && actual.length === expected.length && expected.every((item, i) => same(actual[i], item));
  if (expected !== null && typeof expected === 'object') {
    if (actual === null || typeof actual !== 'object') return false;
    const keys = Object.keys(expected);
    return keys.length === Object.keys(actual).length && keys.every((key) => same((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key]));
  }
  return Object.is(actual, expected);
}

describe.each(['in-process', 'ws server'])('through the engine (%s)', (client) => {
  it.each(cases)('$name keeps its type and value', async ({ value, type }) => {
    const call = clients[client] as Call;
    const [typed, stored] = (await call('query', ['RETURN [type::of($v), $v]; (CREATE ONLY rt SET v = $v).v', { v: value }])) as {
      status: string;
      result: unknown;
    }[];
    expect(typed?.status).toBe('OK');
    const [engineType, echoed] = typed?.result as [string, unknown];
    expect(engineType).toBe(type);
    expect(same(echoed, value), `echoed ${String(echoed)}`).toBe(true);
    expect(stored?.status).toBe('OK');
    expect(same(stored?.result, value), `stored ${String(stored?.result)}`).toBe(true);
  });
});

describe('NONE and null stay distinct', () => {
  it('a field set to NONE is absent, a field set to null is present', async () => {
    const [, row] = (await transport.call('query', ['DEFINE TABLE nn SCHEMALESS; CREATE ONLY nn:1 SET a = $none, b = $null', { none: undefined, null: null }])) as {
      result: Record<string, unknown>;
    }[];
    expect('a' in (row?.result ?? {})).toBe(false);
    expect(row?.result.b).toBeNull();
  });
});
