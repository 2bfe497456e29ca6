/**
 * @module The printer: walks an operation-node tree and writes SurrealQL, turning every user
 * value into a bound parameter (`$p0`, `$p1`... in order of appearance, so output is
 * deterministic). @sdb/ql extends it with statement nodes.
 */
import { InvalidIdentifierError, QueryBuildError, escapeKeywordFree, escapeObjectKey, type CompiledQuery } from '@sdb/protocol';
import { isExpression, type CallNode, type ClosureNode, type ConstantNode, type OperationNode, type ParamNode, type RefNode, type ValueNode } from './expression.ts';

export type { CompiledQuery };

export class Printer {
  readonly bindings: Record<string, unknown> = {};
  #next = 0;

  /** Binds `value` as a fresh parameter and returns its reference (`$p3`). */
  bind(value: unknown): string {
    const name = `p${this.#next++}`;
    this.bindings[name] = value;
    return `$${name}`;
  }

  /** Prints one node; subclasses handle their own kinds first and defer the rest here. */
  print(node: OperationNode): string {
    switch (node.kind) {
      case 'value':
        return this.value((node as ValueNode).value);
      case 'call':
        return this.call(node as CallNode);
      case 'param':
        return escapeParam((node as ParamNode).name);
      case 'constant':
        return (node as ConstantNode).name;
      case 'closure':
        return this.closure(node as ClosureNode);
      case 'ref':
        return String((node as RefNode).ref);
      default:
        throw new QueryBuildError(`This printer does not know the node kind "${node.kind}"`);
    }
  }

  /**
   * A user value. Plain arrays and objects that contain expressions print as literals (their
   * keys quoted, their leaves bound); anything else is bound whole, so no value is ever spliced
   * into the text.
   */
  value(value: unknown): string {
    if (isExpression(value)) return this.print(value.node);
    if (Array.isArray(value) && holdsExpression(value)) return `[${value.map((item) => this.value(item)).join(', ')}]`;
    if (isPlainObject(value) && holdsExpression(value)) {
      const entries = Object.entries(value).map(([key, item]) => `${escapeObjectKey(key)}: ${this.value(item)}`);
      return `{ ${entries.join(', ')} }`;
    }
    return this.bind(value);
  }

  protected call(node: CallNode): string {
    return `${node.name}(${node.args.map((arg) => this.print(arg)).join(', ')})`;
  }

  protected closure(node: ClosureNode): string {
    return `|${node.params.map((name) => escapeParam(name)).join(', ')}| ${this.print(node.body)}`;
  }
}

/** A `$parameter`; the names this printer gives bound values (`p0`, `p1`...) are refused. */
export function escapeParam(name: string): string {
  if (/^p\d+$/.test(name)) throw new InvalidIdentifierError('parameter', name, '`p<digits>` names are reserved for bound values');
  return `$${escapeKeywordFree(name, 'parameter')}`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function holdsExpression(value: unknown): boolean {
  if (isExpression(value)) return true;
  if (Array.isArray(value)) return value.some(holdsExpression);
  if (isPlainObject(value)) return Object.values(value).some(holdsExpression);
  return false;
}
