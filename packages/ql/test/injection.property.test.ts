/**
 * Property tests: adversarial strings (quotes, backticks, ⟨⟩, `;`, comments, `$param`-looking
 * text, escapes, unicode, the empty string) fed through every builder, as values and as
 * identifiers, then run on the real engine. Values must come back verbatim, identifiers must be
 * quoted (or refused with a typed error), and the number of statements must never change.
 */
import { Datetime, RecordId } from '@sdb/protocol';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectTestClient, type TestClient } from '../../embedded/test-support/index.ts';
import {
  InvalidIdentifierError,
  batch,
  compile,
  create,
  define,
  deleteFrom,
  eq,
  field,
  fn,
  forEach,
  ifThen,
  infoFor,
  insert,
  letParam,
  param,
  relate,
  remove,
  ret,
  run,
  select,
  throwError,
  update,
  upsert,
  type Expression,
} from '../src/index.ts';

const FRAGMENTS = [
  "'", '"', '`', '⟨', '⟩', ';', '--', '/*', '*/', '#', '//', '$p0', '$p1', '$param', '$', '\\', '\\`', "\\'", '\n', '\r', '\t',
  '\0', ' ', '}', '{', ')', '(', ']', '[', ',', '.', ':', '::', '->', '<-', '|', 'RETURN 1', 'DROP', 'SELECT', 'NONE', 'NULL',
  'é', 'ß', '日本', '😀', '\u200b', '\u2028', 'a', 'Z', '0', '_',
];

/** Strings built from the fragments above plus arbitrary unicode. */
const adversarial = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((parts) => parts.join('')),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.constantFrom(...FRAGMENTS),
);

let t: TestClient;
let counter = 0;
const nextId = () => new RecordId('probe', ++counter);

beforeAll(async () => {
  t = await connectTestClient('ql_property');
  await t.client.queryAll('DEFINE TABLE probe SCHEMALESS; DEFINE TABLE other SCHEMALESS;');
});

afterAll(() => t?.close());

/** Runs a compiled query and checks it still has exactly `statements` statements, all successful. */
async function runExact(query: { query: string; bindings: Record<string, unknown> }, statements: number): Promise<unknown[]> {
  const results = await t.client.query(query);
  expect(results).toHaveLength(statements);
  return results.map((r) => {
    if (!r.ok) throw r.error;
    return r.result;
  });
}

describe('values are always data', () => {
  it('round-trip through CREATE CONTENT / SET and SELECT WHERE', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, adversarial, async (a, b) => {
        const id = nextId();
        const q = batch(
          create(id).content({ a, nested: { b, list: [a, b] } }),
          update(id).set('c', '=', b).set('tags', '+=', a),
          select('probe').value('a').where(eq('id', id)),
          select(id).only().fields('a', 'c', 'tags', 'nested'),
        );
        expect(Object.values(q.bindings)).toContain(a);
        const [, , values, row] = await runExact(q, 4);
        expect(values).toEqual([a]);
        expect(row).toEqual({ a, c: b, tags: [a], nested: { b, list: [a, b] } });
      }),
      { numRuns: 150 },
    );
  });

  it('round-trip as record id keys, in INSERT, UPSERT, RELATE, LET/RETURN and function arguments', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, async (s) => {
        const id = new RecordId('other', s);
        const q = batch(
          upsert(id).merge({ s }),
          insert('probe', { id: ++counter, s }).return(['s']),
          relate(id, 'linked', id).set({ s }).return(['s']),
          letParam('x', s),
          ret(param('x')),
          ret(fn.string.concat(s, s)),
          ret(fn.string.len(s)),
          select(id).only().value('id'),
          deleteFrom(id).return('before'),
        );
        const results = await runExact(q, 9);
        expect(results[0]).toEqual([{ id, s }]);
        expect(results[1]).toEqual([{ s }]);
        expect(results[2]).toEqual([{ s }]);
        expect(results[4]).toBe(s);
        expect(results[5]).toBe(s + s);
        expect(results[6]).toBe([...s].length);
        expect(results[7]).toEqual(id);
        expect(results[8]).toEqual([{ id, s }]);
      }),
      { numRuns: 150 },
    );
  });

  it('stay data inside IF, FOR and THROW', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, async (s) => {
        const q = batch(ifThen(eq(fn.string.len(s), [...s].length), ret(s)).else(ret('mismatch')), forEach('v', [s], (v) => [ret(v)]), throwError(s));
        const results = await t.client.query(q);
        expect(results).toHaveLength(3);
        expect(results[0]).toMatchObject({ ok: true, result: s });
        expect(results[2]!.ok).toBe(false);
        if (!results[2]!.ok) expect(results[2]!.error.message).toContain(s);
      }),
      { numRuns: 100 },
    );
  });

  it('round-trip as literals in schema statements (DEFINE FIELD DEFAULT, DEFINE PARAM, COMMENT)', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, async (s) => {
        const table = `lit${++counter}`;
        const q = batch(
          define.table(table).comment(s),
          define.field('d', table).default(s),
          define.param('lit').overwrite().value({ s, list: [s] }),
          create(table).return(['d']),
          ret(param('lit')),
        );
        expect(q.bindings).toEqual({});
        const results = await runExact(q, 5);
        expect(results[3]).toEqual([{ d: s }]);
        expect(results[4]).toEqual({ s, list: [s] });
        const info = (await run(t.client, infoFor.table(table).structure())) as { fields: { default?: unknown }[] };
        expect(info.fields).toHaveLength(1);
      }),
      { numRuns: 100 },
    );
  });

  it('write numbers, record ids, datetimes and odd object keys as literals that read back equal', async () => {
    await fc.assert(
      fc.asyncProperty(
        adversarial,
        fc.oneof(fc.integer(), fc.constantFrom(1e21, 1.5e-7, -1e300, 5e-324, Number.MAX_VALUE, 2 ** 53), fc.double({ noNaN: true, noDefaultInfinity: true }).filter((n) => !Object.is(n, -0))),
        fc.date({ min: new Date('1970-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
        async (s, n, date) => {
          const value = { [s]: n, id: new RecordId('probe', s), at: new Datetime(date), list: [s, n, null, true] };
          const q = batch(define.param('lit2').overwrite().value(value), ret(param('lit2')));
          expect(q.bindings).toEqual({});
          const [, back] = await runExact(q, 2);
          expect(back).toEqual(value);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('identifiers are quoted or refused', () => {
  /** Either a typed refusal at build time, or a query that runs as exactly `statements` statements. */
  async function quotedOrRefused(build: () => { query: string; bindings: Record<string, unknown> }, statements: number): Promise<unknown[] | undefined> {
    let compiled;
    try {
      compiled = build();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidIdentifierError);
      return undefined;
    }
    return runExact(compiled, statements);
  }

  it('as table and field names in CREATE / SELECT / UPDATE / DELETE', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, adversarial, adversarial, async (table, name, value) => {
        const results = await quotedOrRefused(
          () =>
            batch(
              define.table(table).overwrite(),
              create(table).set([name], '=', value).return('none'),
              select(table).value(field([name])),
              update(table).set([name], '=', value).return('none'),
              deleteFrom(table).return('none'),
              remove.table(table),
            ),
          6,
        );
        if (results) expect(results[2]).toEqual([value]);
        if (table === '' || name === '') expect(results).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('as index, event, analyzer, param and alias names', async () => {
    await fc.assert(
      fc.asyncProperty(adversarial, async (name) => {
        const results = await quotedOrRefused(
          () =>
            batch(
              // A fixed field: SurrealDB 3.0.2 cannot read back an index on a field named like a
              // keyword (`FIELDS \`NULL\`` breaks INFO FOR TABLE and REMOVE INDEX): an engine bug.
              define.index(name, 'probe').fields('indexed'),
              define.event(name, 'probe').when(eq(param('event'), 'CREATE')).then([ret(1)]),
              define.analyzer(name).tokenizers('blank'),
              letParam(name, 1),
              select('probe').fields({ [name]: fn.count() }).groupAll(),
              remove.index(name, 'probe'),
              remove.event(name, 'probe'),
              remove.analyzer(name),
            ),
          8,
        );
        if (results) expect(Object.keys((results[4] as object[])[0] ?? { [name]: 0 })).toEqual([name]);
        if (name === '') expect(results).toBeUndefined();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses the empty name and parameter names that shadow bound values', () => {
    expect(() => compile(select(''))).toThrow(InvalidIdentifierError);
    expect(() => compile(select('x').fields({ '': fn.count() }))).toThrow(InvalidIdentifierError);
    expect(() => letParam('p0', 1)).toThrow(InvalidIdentifierError);
    expect(() => param('')).toThrow(InvalidIdentifierError);
  });

  it('quotes reserved words and odd names the way the engine does', () => {
    expect(compile(select('select').fields('value', 'ok')).query).toBe('SELECT `value`, ok FROM `select`;');
    expect(compile(select('my table').value(field(['we`ird']))).query).toBe('SELECT VALUE `we\\`ird` FROM `my table`;');
    expect(compile(select('⟩x')).query).toBe('SELECT * FROM `⟩x`;');
  });
});

const _typecheck: Expression = ret(1);
void _typecheck;
