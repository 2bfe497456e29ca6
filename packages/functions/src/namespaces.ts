/**
 * @module The runtime side of the catalogue: one builder per row, arranged in the camelCased
 * namespace tree that ./signature.ts types. Each builder checks its argument count and returns
 * a `CallNode` expression. Each namespace is its own constant, built from its own rows and
 * marked pure, so a bundle keeps only the namespaces it uses (`fn` holds them all).
 */
import {
  apiRows, arrayRows, bytesRows, countRows, cryptoRows, durationRows, encodingRows, fileRows, geoRows,
  httpRows, mathRows, metaRows, notRows, objectRows, parseRows, randRows, recordRows, schemaRows, searchRows,
  sequenceRows, sessionRows, setRows, sleepRows, stringRows, timeRows, typeRows, valueRows, vectorRows,
  type Rows,
} from './catalogue.ts';
import { argumentNode } from './call.ts';
import { ArityError, QueryBuildError } from './errors.ts';
import { Expression, isExpression, type CallNode } from './expression.ts';
import type { Functions } from './signature.ts';

/** Same rule as the `Camel` type. */
function camel(segment: string): string {
  return segment.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
}

function builder(name: string, words: readonly string[]): (...args: unknown[]) => Expression {
  const rest = words.some((w) => w.startsWith('...'));
  const required = words.filter((w) => !w.endsWith('?') && !w.startsWith('...')).length;
  const max = rest ? Number.POSITIVE_INFINITY : words.length;
  return (...args: unknown[]) => {
    if (args.length < required || args.length > max) {
      const expected = required === max ? `${required}` : `${required}..${rest ? '' : max}`;
      throw new ArityError(`${name}() takes ${expected} argument(s), got ${args.length}`);
    }
    const nodes = args.map((arg, i) => {
      const word = words[i]?.replace('?', '');
      if (word === 'closure' && !isExpression(arg)) {
        throw new QueryBuildError(`${name}() argument ${i + 1} must be a closure(...) expression`);
      }
      return argumentNode(name, i, arg);
    });
    const node: CallNode = { kind: 'call', name, args: nodes };
    return new Expression(node);
  };
}

/** The namespace `head` (`string`, `math`...) as a frozen tree of builders, from its rows. */
function namespace(head: string, rows: Rows): object {
  const names = Object.keys(rows);
  const subtree = (prefix: string): object => {
    const row = rows[prefix];
    const self: object = row ? builder(prefix, row[0]) : {};
    const children = new Set<string>();
    for (const name of names) {
      if (name.startsWith(`${prefix}::`)) children.add(name.slice(prefix.length + 2).split('::')[0]!);
    }
    for (const child of children) {
      Object.defineProperty(self, camel(child), { value: subtree(`${prefix}::${child}`), enumerable: true });
    }
    return Object.freeze(self);
  };
  return subtree(head);
}

export const api = /* @__PURE__ */ namespace('api', apiRows) as Functions['api'];
export const array = /* @__PURE__ */ namespace('array', arrayRows) as Functions['array'];
export const bytes = /* @__PURE__ */ namespace('bytes', bytesRows) as Functions['bytes'];
export const count = /* @__PURE__ */ namespace('count', countRows) as Functions['count'];
export const crypto = /* @__PURE__ */ namespace('crypto', cryptoRows) as Functions['crypto'];
export const duration = /* @__PURE__ */ namespace('duration', durationRows) as Functions['duration'];
export const encoding = /* @__PURE__ */ namespace('encoding', encodingRows) as Functions['encoding'];
export const file = /* @__PURE__ */ namespace('file', fileRows) as Functions['file'];
export const geo = /* @__PURE__ */ namespace('geo', geoRows) as Functions['geo'];
export const http = /* @__PURE__ */ namespace('http', httpRows) as Functions['http'];
export const math = /* @__PURE__ */ namespace('math', mathRows) as Functions['math'];
export const meta = /* @__PURE__ */ namespace('meta', metaRows) as Functions['meta'];
export const not = /* @__PURE__ */ namespace('not', notRows) as Functions['not'];
export const object = /* @__PURE__ */ namespace('object', objectRows) as Functions['object'];
export const parse = /* @__PURE__ */ namespace('parse', parseRows) as Functions['parse'];
export const rand = /* @__PURE__ */ namespace('rand', randRows) as Functions['rand'];
export const record = /* @__PURE__ */ namespace('record', recordRows) as Functions['record'];
export const schema = /* @__PURE__ */ namespace('schema', schemaRows) as Functions['schema'];
export const search = /* @__PURE__ */ namespace('search', searchRows) as Functions['search'];
export const sequence = /* @__PURE__ */ namespace('sequence', sequenceRows) as Functions['sequence'];
export const session = /* @__PURE__ */ namespace('session', sessionRows) as Functions['session'];
export const set = /* @__PURE__ */ namespace('set', setRows) as Functions['set'];
export const sleep = /* @__PURE__ */ namespace('sleep', sleepRows) as Functions['sleep'];
export const string = /* @__PURE__ */ namespace('string', stringRows) as Functions['string'];
export const time = /* @__PURE__ */ namespace('time', timeRows) as Functions['time'];
export const type = /* @__PURE__ */ namespace('type', typeRows) as Functions['type'];
export const value = /* @__PURE__ */ namespace('value', valueRows) as Functions['value'];
export const vector = /* @__PURE__ */ namespace('vector', vectorRows) as Functions['vector'];

/** Every built-in function: `fn.math.mean([1, 2])`, `fn.string.distance.levenshtein(a, b)`, `fn.count()`. */
export const fn: Functions = /* @__PURE__ */ Object.freeze({
  api, array, bytes, count, crypto, duration, encoding, file, geo, http, math, meta, not, object, parse, rand,
  record, schema, search, sequence, session, set, sleep, string, time, type, value, vector,
});
