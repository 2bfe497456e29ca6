/**
 * @module The runtime side of the catalogue: one builder per row, arranged in the camelCased
 * namespace tree that ./signature.ts types. Each builder checks its argument count and returns
 * a `CallNode` expression.
 */
import { catalogue, type FunctionName } from './catalogue.ts';
import { ArityError, QueryBuildError } from './errors.ts';
import { Expression, isExpression, toNode, type CallNode, type RefNode } from './expression.ts';
import type { Functions } from './signature.ts';

/** Same rule as the `Camel` type. */
function camel(segment: string): string {
  return segment.replace(/_(.)/g, (_, c: string) => c.toUpperCase());
}

function builder(name: FunctionName): (...args: unknown[]) => Expression {
  const words: readonly string[] = catalogue[name][0];
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
      return word === 'ref' ? refNode(name, arg) : toNode(arg);
    });
    const node: CallNode = { kind: 'call', name, args: nodes };
    return new Expression(node);
  };
}

/** Match and KNN reference numbers are printed inline, so only a small integer passes. */
function refNode(name: string, ref: unknown): RefNode {
  if (typeof ref !== 'number' || !Number.isInteger(ref) || ref < 0 || ref > 255) {
    throw new QueryBuildError(`${name}() wants a match reference number (an integer 0..255), got ${String(ref)}`);
  }
  return { kind: 'ref', ref };
}

const NAMES = Object.keys(catalogue) as FunctionName[];

function subtree(prefix: string): object {
  const self: object = prefix in catalogue ? builder(prefix as FunctionName) : {};
  const children = new Set<string>();
  for (const name of NAMES) {
    if (name.startsWith(`${prefix}::`)) children.add(name.slice(prefix.length + 2).split('::')[0]!);
  }
  for (const child of children) {
    Object.defineProperty(self, camel(child), { value: subtree(`${prefix}::${child}`), enumerable: true });
  }
  return Object.freeze(self);
}

function tree(): Functions {
  const root: Record<string, object> = {};
  for (const head of new Set(NAMES.map((name) => name.split('::')[0]!))) root[camel(head)] = subtree(head);
  return Object.freeze(root) as unknown as Functions;
}

/** Every built-in function: `fn.math.mean([1, 2])`, `fn.string.distance.levenshtein(a, b)`, `fn.count()`. */
export const fn: Functions = /* @__PURE__ */ tree();
