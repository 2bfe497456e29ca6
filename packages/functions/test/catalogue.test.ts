/**
 * Every function of the catalogue, executed against the real engine: one test per function,
 * with sample arguments from test/samples.ts. Deterministic functions check the exact result;
 * every function checks that the result has the type its catalogue row declares.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Datetime, Decimal, Duration, FileRef, Geometry, Range, RecordId, RpcClient, Table, Uuid } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmbeddedTransport, type EmbeddedTransport } from '../../embedded/src/index.ts';
import { catalogue, compile, fn, type FunctionName } from '../src/index.ts';
import { defaults, overrides } from './samples.ts';

let transport: EmbeddedTransport;
let db: RpcClient;
let server: Server;
let origin: string;

beforeAll(async () => {
  // Network (for http::*) and experimental features (file::*, DEFINE API) are off by default.
  transport = await createEmbeddedTransport('mem://', { engine: { capabilities: { network_targets: true, experimental: true } } });
  db = new RpcClient(transport);
  await db.use({ namespace: 'functions', database: 'catalogue' });
  await db.queryAll(`
    DEFINE BUCKET samples BACKEND "memory";
    CREATE person:tobie SET name = 'Tobie';
    DEFINE SEQUENCE counter;
    DEFINE ANALYZER simple TOKENIZERS blank;
    DEFINE INDEX body_search ON doc FIELDS body FULLTEXT ANALYZER simple BM25 HIGHLIGHTS;
    CREATE doc:1 SET body = 'hello world';
    DEFINE API "/hello" FOR get THEN { RETURN { status: 200, body: 'hi' } };
    DEFINE INDEX pt_vec ON pt FIELDS v HNSW DIMENSION 2 DIST EUCLIDEAN;
    CREATE pt:1 SET v = [0, 0];
  `);
  // Each file:: function works on its own file, so their order does not matter.
  for (const name of Object.keys(catalogue).filter((n) => n.startsWith('file::'))) {
    await db.queryAll(compile(fn.file.put(fn.type.file('samples', name), 'content')));
  }
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      res.end(req.method === 'HEAD' ? undefined : JSON.stringify({ method: req.method, body }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await transport?.close();
  await new Promise((resolve) => server?.close(resolve));
});

function builder(name: string): (...args: unknown[]) => Parameters<typeof compile>[0] {
  let node: unknown = fn;
  for (const part of name.split('::')) node = (node as Record<string, unknown>)[part.replace(/_(.)/g, (_, c: string) => c.toUpperCase())];
  return node as (...args: unknown[]) => Parameters<typeof compile>[0];
}

function sampleArgs(name: FunctionName): unknown[] {
  const override = overrides[name];
  if (override) return override.args;
  if (name.startsWith('http::')) return [name === 'http::head' ? origin : `${origin}/echo`, ...(['http::put', 'http::post', 'http::patch'].includes(name) ? [{ x: 1 }] : [])];
  if (name.startsWith('file::') && name !== 'file::list') return [fn.type.file('samples', name), ...(catalogue[name][0].length > 1 ? ['content'] : [])];
  const words: readonly string[] = catalogue[name][0];
  return words.filter((word) => !word.endsWith('?')).map((word) => defaults[word.replace('...', '')]!());
}

/** Functions that only make sense inside a statement: run them there. */
const contexts: Partial<Record<FunctionName, (call: string) => string>> = {
  'search::score': (call) => `SELECT VALUE ${call} FROM doc WHERE body @1@ 'hello'`,
  'search::highlight': (call) => `SELECT VALUE ${call} FROM doc WHERE body @1@ 'hello'`,
  'search::offsets': (call) => `SELECT VALUE ${call} FROM doc WHERE body @1@ 'hello'`,
  'vector::distance::knn': (call) => `SELECT VALUE ${call} FROM pt WHERE v <|1,EUCLIDEAN|> [0, 0]`,
};

const contextArgs: Partial<Record<FunctionName, unknown[]>> = {
  'search::score': [1],
  'search::highlight': ['<b>', '</b>', 1],
  'search::offsets': [1],
  'vector::distance::knn': [],
};

const resultChecks: Record<string, (value: unknown) => boolean> = {
  any: () => true,
  array: Array.isArray,
  bool: (v) => typeof v === 'boolean',
  bytes: (v) => v instanceof Uint8Array,
  datetime: (v) => v instanceof Datetime,
  decimal: (v) => v instanceof Decimal,
  duration: (v) => v instanceof Duration,
  file: (v) => v instanceof FileRef,
  geometry: (v) => v instanceof Geometry,
  none: (v) => v === undefined,
  number: (v) => typeof v === 'number' || typeof v === 'bigint',
  'number[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'number'),
  object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
  range: (v) => v instanceof Range,
  record: (v) => v instanceof RecordId,
  set: (v) => v instanceof Set,
  string: (v) => typeof v === 'string',
  'string[]': (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  table: (v) => v instanceof Table,
  uuid: (v) => v instanceof Uuid,
};

describe.each(Object.keys(catalogue) as FunctionName[])('%s', (name) => {
  it('runs on the real engine and returns its declared type', async () => {
    const args = contextArgs[name] ?? sampleArgs(name);
    const compiled = compile(builder(name)(...args));
    const wrap = contexts[name];
    const query = wrap ? { query: wrap(compiled.query.replace(/^RETURN /, '')), bindings: compiled.bindings } : compiled;
    const [raw] = await db.queryAll<[unknown]>(query);
    const result = wrap ? (raw as unknown[])[0] : raw;
    const declared = catalogue[name][1];
    const sample = overrides[name];
    if (sample && 'expect' in sample) expect(result).toEqual(sample.expect);
    if (name.startsWith('http::') && name !== 'http::head') {
      // The loopback server echoes the method and body it received.
      const method = name.slice('http::'.length).toUpperCase();
      expect(result).toMatchObject({ method, body: ['PUT', 'POST', 'PATCH'].includes(method) ? JSON.stringify({ x: 1 }) : '' });
    }
    // parse::* and a few others answer NONE for input they cannot read; the samples above are readable.
    expect(resultChecks[declared]!(result), `${name} -> ${String(result)} is not ${declared}`).toBe(true);
  });
});
