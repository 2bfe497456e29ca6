/**
 * @module The core compiler: @sdb/functions' printer extended with paths, operators and every
 * statement node but DEFINE and REMOVE, which it hands to `schemaStatement` (`QueryCompiler`
 * prints them), so a bundle that only builds and compiles DML leaves the schema printer out.
 * Values become `$p0, $p1...` in order of appearance; identifiers go through SurrealQL's own quoting.
 */
import { Printer, QueryBuildError, escapeParam, type CallNode, type ClosureNode, type ConstantNode, type OperationNode, type ParamNode, type RefNode, type ValueNode } from '@sdb/functions/core';
import { escapeIdent } from '@sdb/protocol';
import type { Assignment, DataNode, OutputNode, TableNameNode } from './clauses.ts';
import { OPERATORS, type BinaryNode, type KnnNode, type MatchesNode, type NotNode } from './conditions.ts';
import { recursionDepth, type IdiomNode } from './idiom.ts';
import type { BlockNode, ForNode, IfNode, InfoNode, KillNode, LetNode, LiveNode, ReturnNode, ThrowNode } from './statements/control.ts';
import type { DefineNode } from './statements/define.ts';
import type { CreateNode, DeleteNode, InsertNode, RelateNode, UpdateNode } from './statements/mutate.ts';
import { printRebuild, type RebuildIndexNode } from './statements/rebuild.ts';
import type { RemoveNode } from './statements/remove.ts';
import type { SelectNode } from './statements/select.ts';

/** Every statement node @sdb/ql builds. */
export type StatementNode =
  | SelectNode | CreateNode | UpdateNode | DeleteNode | InsertNode | RelateNode | LiveNode | KillNode
  | LetNode | IfNode | ForNode | ReturnNode | ThrowNode | InfoNode | DefineNode | RemoveNode | RebuildIndexNode;

/** Every expression node: @sdb/functions' own and the ones @sdb/ql adds. */
export type ExpressionNode =
  | ValueNode | CallNode | ParamNode | ClosureNode | ConstantNode | RefNode
  | IdiomNode | TableNameNode | BinaryNode | NotNode | MatchesNode | KnnNode | BlockNode;

/** The closed set of nodes the compiler prints, discriminated by `kind`. */
export type QlNode = StatementNode | ExpressionNode;

/** Every statement kind, once (the type makes a missing or unknown one a compile error). */
const STATEMENT_KINDS: { readonly [K in StatementNode['kind']]: true } = {
  select: true, create: true, update: true, upsert: true, delete: true, insert: true, relate: true, live: true,
  kill: true, let: true, if: true, for: true, return: true, throw: true, info: true, remove: true, rebuildIndex: true,
  defineNamespace: true, defineDatabase: true, defineTable: true, defineField: true, defineIndex: true, defineEvent: true,
  defineAnalyzer: true, defineAccess: true, defineUser: true, defineParam: true, defineFunction: true, defineSequence: true,
};

export function isStatementNode(node: OperationNode): node is StatementNode {
  return Object.hasOwn(STATEMENT_KINDS, node.kind);
}

/** Reached only by a node from outside the union (built by hand, or by another package): refused, never printed as something else. */
function unknownKind(node: never): never {
  throw new QueryBuildError(`The query compiler does not know the node kind ${JSON.stringify((node as OperationNode).kind)}`);
}

/**
 * Prints every node but DEFINE and REMOVE. `compile` uses it unless a statement brings its own
 * compiler (`DefineStatement` and `RemoveStatement` bring `QueryCompiler`).
 */
export class CoreCompiler extends Printer {
  /** A whole statement, unparenthesised; a lone expression becomes `RETURN <expression>`. */
  statement(node: OperationNode): string {
    const n = node as QlNode;
    if (!isStatementNode(n)) return `RETURN ${this.print(n)}`;
    switch (n.kind) {
      case 'select': return this.select(n);
      case 'create': return this.create(n);
      case 'update':
      case 'upsert': return this.update(n);
      case 'delete': return this.delete(n);
      case 'insert': return this.insert(n);
      case 'relate': return this.relate(n);
      case 'live': return this.live(n);
      case 'kill': return `KILL ${this.print(n.id)}`;
      case 'let': return `LET ${escapeParam(n.name)} = ${this.print(n.value)}`;
      case 'if': return this.if(n);
      case 'for': return this.for(n);
      case 'return': return `RETURN ${this.print(n.value)}`;
      case 'throw': return `THROW ${this.print(n.value)}`;
      case 'info': return this.info(n);
      case 'rebuildIndex': return printRebuild(n);
      default: return this.schemaStatement(n);
    }
  }

  /** A DEFINE or REMOVE node: refused here; `QueryCompiler` prints it. */
  protected schemaStatement(node: DefineNode | RemoveNode): string {
    throw new QueryBuildError(`A ${node.kind} node needs QueryCompiler: use DefineStatement, RemoveStatement or new QueryCompiler()`);
  }

  override print(node: OperationNode): string {
    const n = node as QlNode;
    if (isStatementNode(n)) return `(${this.statement(n)})`;
    switch (n.kind) {
      case 'value': case 'call': case 'param': case 'closure': case 'constant': case 'ref':
        return super.print(n);
      case 'idiom': return this.idiom(n);
      case 'tableName': return escapeIdent(n.name, 'table');
      case 'binary': return this.binary(n);
      case 'not': return `!${this.operand(n.operand, 99)}`;
      case 'matches': return `${this.operand(n.left, 2)} @${n.ref ?? ''}@ ${this.operand(n.right, 2)}`;
      case 'knn': return `${this.operand(n.left, 2)} <|${n.k}${n.param === undefined ? '' : `,${n.param}`}|> ${this.operand(n.right, 2)}`;
      case 'block': return this.block(n);
      default: return unknownKind(n);
    }
  }

  idiom(node: IdiomNode): string {
    return this.idiomParts(node.parts);
  }

  private idiomParts(parts: IdiomNode['parts']): string {
    let out = '';
    for (const part of parts) {
      switch (part.type) {
        case 'field': out += `${out === '' ? '' : '.'}${escapeIdent(part.name, 'field')}`; break;
        case 'index': out += `[${part.index}]`; break;
        case 'all': out += out === '' ? '*' : '.*'; break;
        case 'graph': {
          const tables = part.tables.map((t) => escapeIdent(t, 'table')).join(', ');
          const where = part.where ? ` WHERE ${this.print(part.where)}` : '';
          out += `${part.direction}${part.tables.length === 1 && !where ? tables : `(${tables}${where})`}`;
          break;
        }
        case 'recurse':
          out += `${out === '' ? '@' : ''}.{${recursionDepth(part.min)}..${recursionDepth(part.max)}+collect}(${this.idiomParts(part.path)})`;
          break;
      }
    }
    return out;
  }

  /** Parenthesises a child whose operator binds no tighter than its parent's. */
  protected operand(node: OperationNode, parent: number): string {
    const text = this.print(node);
    const rank = node.kind === 'binary' ? OPERATORS[(node as BinaryNode).op] : node.kind === 'matches' || node.kind === 'knn' ? 2 : 99;
    return rank <= parent && !(rank === 1 && parent === 1) ? `(${text})` : text;
  }

  protected binary(node: BinaryNode): string {
    const rank = OPERATORS[node.op];
    if (rank === undefined) throw new QueryBuildError(`Unknown operator ${String(node.op)}`);
    const left = this.operand(node.left, rank);
    const right = this.operand(node.right, rank);
    // AND/OR chains: a mixed child (an OR inside an AND) still gets parentheses.
    const wrap = (child: OperationNode, text: string) => (rank === 1 && child.kind === 'binary' && OPERATORS[(child as BinaryNode).op] === 1 && (child as BinaryNode).op !== node.op ? `(${text})` : text);
    return `${wrap(node.left, left)} ${node.op} ${wrap(node.right, right)}`;
  }

  protected list(nodes: readonly OperationNode[]): string {
    return nodes.map((n) => this.print(n)).join(', ');
  }

  protected block(node: BlockNode): string {
    return `{ ${node.items.map((item) => `${this.statement(item)};`).join(' ')} }`;
  }

  protected select(node: SelectNode): string {
    let fields: string;
    if (node.value) fields = `VALUE ${this.print(node.value)}`;
    else if (node.fields && node.fields.length > 0) fields = node.fields.map((f) => (f.alias === undefined ? this.print(f.expr) : `${this.print(f.expr)} AS ${escapeIdent(f.alias, 'alias')}`)).join(', ');
    else fields = '*';
    const parts = [`SELECT ${fields}`];
    if (node.omit.length > 0) parts.push(`OMIT ${this.list(node.omit)}`);
    parts.push(`FROM ${node.only ? 'ONLY ' : ''}${this.list(node.from)}`);
    if (node.with === 'NOINDEX') parts.push('WITH NOINDEX');
    else if (node.with) parts.push(`WITH INDEX ${node.with.map((i) => escapeIdent(i, 'index')).join(', ')}`);
    if (node.where) parts.push(`WHERE ${this.print(node.where)}`);
    if (node.split.length > 0) parts.push(`SPLIT ${this.list(node.split)}`);
    if (node.group === 'ALL') parts.push('GROUP ALL');
    else if (node.group) parts.push(`GROUP BY ${this.list(node.group)}`);
    if (node.order === 'RAND') parts.push('ORDER BY RAND()');
    else if (node.order.length > 0) {
      parts.push(`ORDER BY ${node.order.map((o) => `${this.print(o.field)}${o.collate ? ' COLLATE' : ''}${o.numeric ? ' NUMERIC' : ''} ${o.direction}`).join(', ')}`);
    }
    if (node.limit) parts.push(`LIMIT ${this.print(node.limit)}`);
    if (node.start) parts.push(`START ${this.print(node.start)}`);
    if (node.fetch.length > 0) parts.push(`FETCH ${this.list(node.fetch)}`);
    if (node.version) parts.push(`VERSION ${this.print(node.version)}`);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    if (node.tempfiles) parts.push('TEMPFILES');
    if (node.explain) parts.push(node.explain);
    return parts.join(' ');
  }

  protected data(data: DataNode | undefined, parts: string[]): void {
    if (!data) return;
    if (data.kind === 'SET') parts.push(`SET ${this.assignments(data.assignments)}`);
    else if (data.kind === 'UNSET') parts.push(`UNSET ${this.list(data.fields)}`);
    else parts.push(`${data.kind} ${this.print(data.value)}`);
  }

  protected assignments(items: readonly Assignment[]): string {
    return items.map((a) => `${this.print(a.field)} ${a.op} ${this.print(a.value)}`).join(', ');
  }

  protected output(output: OutputNode | undefined, parts: string[]): void {
    if (!output) return;
    parts.push(`RETURN ${'mode' in output ? output.mode : this.list(output.fields)}`);
  }

  protected create(node: CreateNode): string {
    const parts = [`CREATE ${node.only ? 'ONLY ' : ''}${this.list(node.what)}`];
    this.data(node.data, parts);
    this.output(node.output, parts);
    if (node.version) parts.push(`VERSION ${this.print(node.version)}`);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    return parts.join(' ');
  }

  protected update(node: UpdateNode): string {
    const parts = [`${node.kind.toUpperCase()} ${node.only ? 'ONLY ' : ''}${this.list(node.what)}`];
    if (node.with === 'NOINDEX') parts.push('WITH NOINDEX');
    else if (node.with) parts.push(`WITH INDEX ${node.with.map((i) => escapeIdent(i, 'index')).join(', ')}`);
    this.data(node.data, parts);
    if (node.where) parts.push(`WHERE ${this.print(node.where)}`);
    this.output(node.output, parts);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    if (node.explain) parts.push('EXPLAIN');
    return parts.join(' ');
  }

  protected delete(node: DeleteNode): string {
    const parts = [`DELETE ${node.only ? 'ONLY ' : ''}${this.list(node.what)}`];
    if (node.where) parts.push(`WHERE ${this.print(node.where)}`);
    this.output(node.output, parts);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    if (node.explain) parts.push('EXPLAIN');
    return parts.join(' ');
  }

  protected insert(node: InsertNode): string {
    const parts = [`INSERT${node.relation ? ' RELATION' : ''}${node.ignore ? ' IGNORE' : ''}`];
    if (node.into) parts.push(`INTO ${this.print(node.into)}`);
    if ('kind' in node.data) parts.push(this.print(node.data as OperationNode));
    else {
      const { fields, rows } = node.data as { fields: readonly OperationNode[]; rows: readonly (readonly OperationNode[])[] };
      parts.push(`(${this.list(fields)}) VALUES ${rows.map((row) => `(${this.list(row)})`).join(', ')}`);
    }
    if (node.onDuplicate.length > 0) parts.push(`ON DUPLICATE KEY UPDATE ${this.assignments(node.onDuplicate)}`);
    this.output(node.output, parts);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    return parts.join(' ');
  }

  protected relate(node: RelateNode): string {
    const parts = [`RELATE ${node.only ? 'ONLY ' : ''}${this.print(node.from)}->${this.print(node.edge)}->${this.print(node.to)}`];
    this.data(node.data, parts);
    this.output(node.output, parts);
    if (node.timeout) parts.push(`TIMEOUT ${node.timeout}`);
    return parts.join(' ');
  }

  protected live(node: LiveNode): string {
    const fields = node.diff ? 'DIFF' : node.fields ? this.list(node.fields) : '*';
    const parts = [`LIVE SELECT ${fields} FROM ${this.print(node.from)}`];
    if (node.where) parts.push(`WHERE ${this.print(node.where)}`);
    if (node.fetch.length > 0) parts.push(`FETCH ${this.list(node.fetch)}`);
    return parts.join(' ');
  }

  protected if(node: IfNode): string {
    const branches = node.branches.map((b, i) => `${i === 0 ? 'IF' : 'ELSE IF'} ${this.print(b.condition)} ${this.block(b.then)}`);
    return `${branches.join(' ')}${node.otherwise ? ` ELSE ${this.block(node.otherwise)}` : ''}`;
  }

  protected for(node: ForNode): string {
    return `FOR ${escapeParam(node.name)} IN ${this.print(node.iterable)} ${this.block(node.body)}`;
  }

  protected info(node: InfoNode): string {
    let text = `INFO FOR ${node.level}`;
    if (node.name !== undefined) text += ` ${escapeIdent(node.name)}`;
    if (node.on !== undefined) text += node.level === 'INDEX' ? ` ON ${escapeIdent(node.on, 'table')}` : ` ON ${levelWord(node.on)}`;
    return node.structure ? `${text} STRUCTURE` : text;
  }
}

function levelWord(level: string): string {
  const upper = level.toUpperCase();
  if (upper !== 'ROOT' && upper !== 'NAMESPACE' && upper !== 'DATABASE') throw new QueryBuildError(`Unknown level ${level}`);
  return upper;
}
