/**
 * @module DEFINE for namespaces, databases, tables, fields, indexes, events, analyzers, access
 * methods, users, params, functions and sequences. Schema statements store their expressions
 * and run them later, so their values are written as literals (the engine's own quoting) instead
 * of parameters; names are quoted identifiers and keywords come from fixed lists.
 */
import { Expression, QueryBuildError, escapeIdent, param, toNode, type OperationNode } from '@sdb/functions';
import { durationLiteral, nonNegativeInteger } from '../clauses.ts';
import { field, type Path } from '../idiom.ts';
import { Statement } from '../statement.ts';
import { block, type Body, type BlockNode } from './control.ts';

/** One piece of a schema clause. Keywords are fixed text chosen by this module, never user input. */
export type Token =
  | { readonly t: 'kw'; readonly s: string }
  | { readonly t: 'ident'; readonly s: string }
  | { readonly t: 'param'; readonly s: string }
  | { readonly t: 'str'; readonly s: string }
  | { readonly t: 'expr'; readonly node: OperationNode }
  | { readonly t: 'stmt'; readonly node: OperationNode }
  | { readonly t: 'block'; readonly node: BlockNode }
  | { readonly t: 'list'; readonly items: readonly Token[][] };

export type DefineKind = 'NAMESPACE' | 'DATABASE' | 'TABLE' | 'FIELD' | 'INDEX' | 'EVENT' | 'ANALYZER' | 'ACCESS' | 'USER' | 'PARAM' | 'FUNCTION' | 'SEQUENCE';

export interface DefineNode extends OperationNode {
  readonly kind: 'define';
  readonly what: DefineKind;
  readonly mode: 'IF NOT EXISTS' | 'OVERWRITE' | undefined;
  /** The name and `ON ...` part. */
  readonly head: readonly Token[];
  /** Clauses by keyword, printed in insertion order; setting a clause again replaces it. */
  readonly clauses: readonly (readonly [string, readonly Token[]])[];
}

const kw = (s: string): Token => ({ t: 'kw', s });
const ident = (s: string): Token => ({ t: 'ident', s });
const str = (s: string): Token => {
  if (typeof s !== 'string') throw new QueryBuildError('Expected a string');
  return { t: 'str', s };
};
const expr = (value: unknown): Token => ({ t: 'expr', node: toNode(value) });

const TYPE_NAMES = new Set([
  'any', 'array', 'bool', 'bytes', 'collection', 'datetime', 'decimal', 'duration', 'file', 'float', 'function', 'geometry',
  'int', 'line', 'multiline', 'multipoint', 'multipolygon', 'none', 'null', 'number', 'object', 'option', 'point', 'polygon',
  'range', 'record', 'references', 'regex', 'set', 'string', 'table', 'uuid',
]);

/**
 * A type such as `option<string>`, `array<record<person | org>, 10>`, `int | float`: type names
 * from SurrealQL's list, table names (quoted) inside `record<...>`/`table<...>`, sizes, and
 * `< > | ,` between them. Anything else (a second clause hidden in the text) is refused.
 */
function typeToken(type: string): Token {
  const pieces = typeof type === 'string' ? type.trim().split(/\s*([<>|,])\s*/) : [];
  let out = '';
  const stack: string[] = [];
  let previous = '';
  for (const piece of pieces) {
    if (piece === '<') {
      stack.push(previous);
      out += '<';
    } else if (piece === '>') {
      if (stack.pop() === undefined) throw new QueryBuildError(`Not a SurrealQL type: ${JSON.stringify(type)}`);
      out += '>';
    } else if (piece === '|' || piece === ',') out += piece === '|' ? ' | ' : ', ';
    else if (piece === '') continue;
    else {
      const inTables = ['record', 'table', 'references'].includes(stack.at(-1) ?? '');
      if (inTables) out += escapeIdent(piece, 'table');
      else if (/^\d+$/.test(piece) || TYPE_NAMES.has(piece.toLowerCase())) out += piece;
      else throw new QueryBuildError(`Not a SurrealQL type: ${JSON.stringify(type)}`);
      previous = piece.toLowerCase();
    }
  }
  if (out === '' || stack.length > 0) throw new QueryBuildError(`Not a SurrealQL type: ${JSON.stringify(type)}`);
  return kw(out);
}

/** Who may do what: `'full'`, `'none'`, or a condition per action. */
export type Permissions = 'full' | 'none' | Partial<Record<'select' | 'create' | 'update' | 'delete', 'full' | 'none' | Expression<boolean>>>;

function permissionTokens(permissions: Permissions): Token[] {
  if (permissions === 'full' || permissions === 'none') return [kw(permissions.toUpperCase())];
  const items = Object.entries(permissions).map(([action, rule]): Token[] => {
    if (!['select', 'create', 'update', 'delete'].includes(action)) throw new QueryBuildError(`Unknown permission action ${action}`);
    const rest = rule === 'full' || rule === 'none' ? [kw(rule.toUpperCase())] : [kw('WHERE'), expr(rule)];
    return [kw(`FOR ${action}`), ...rest];
  });
  return [{ t: 'list', items }];
}

export class DefineStatement<R = unknown> extends Statement<R, DefineNode> {
  protected clause(keyword: string, ...tokens: Token[]): this {
    const clauses = this.node.clauses.filter(([k]) => k !== keyword);
    return this.next({ clauses: [...clauses, [keyword, tokens]] });
  }

  ifNotExists(): this {
    return this.next({ mode: 'IF NOT EXISTS' });
  }

  overwrite(): this {
    return this.next({ mode: 'OVERWRITE' });
  }

  comment(text: string): this {
    return this.clause('COMMENT', kw('COMMENT'), str(text));
  }
}

function make<B extends DefineStatement>(Builder: new (node: DefineNode) => B, what: DefineKind, head: Token[]): B {
  return new Builder({ kind: 'define', what, mode: undefined, head, clauses: [] });
}

export class DefineTable extends DefineStatement {
  schemafull(): this {
    return this.clause('SCHEMA', kw('SCHEMAFULL'));
  }

  schemaless(): this {
    return this.clause('SCHEMA', kw('SCHEMALESS'));
  }

  /** `TYPE NORMAL | ANY`, or `TYPE RELATION [IN a | b] [OUT c] [ENFORCED]` with `relation()`. */
  type(type: 'normal' | 'any'): this {
    return this.clause('TYPE', kw(type === 'any' ? 'TYPE ANY' : 'TYPE NORMAL'));
  }

  relation(options: { from?: readonly string[]; to?: readonly string[]; enforced?: boolean } = {}): this {
    const tokens: Token[] = [kw('TYPE RELATION')];
    const tables = (word: string, names: readonly string[] | undefined) => {
      if (!names || names.length === 0) return;
      tokens.push(kw(word));
      names.forEach((name, i) => tokens.push(...(i > 0 ? [kw('|')] : []), ident(name)));
    };
    tables('IN', options.from);
    tables('OUT', options.to);
    if (options.enforced) tokens.push(kw('ENFORCED'));
    return this.clause('TYPE', ...tokens);
  }

  /** `DROP`: writes are accepted and discarded. */
  drop(): this {
    return this.clause('DROP', kw('DROP'));
  }

  changefeed(expiry: string | { toString(): string }, options: { includeOriginal?: boolean } = {}): this {
    return this.clause('CHANGEFEED', kw(`CHANGEFEED ${durationLiteral(expiry)}${options.includeOriginal ? ' INCLUDE ORIGINAL' : ''}`));
  }

  /** A view: `AS SELECT ...`. */
  as(query: Expression): this {
    return this.clause('AS', kw('AS'), { t: 'stmt', node: query.node });
  }

  permissions(permissions: Permissions): this {
    return this.clause('PERMISSIONS', kw('PERMISSIONS'), ...permissionTokens(permissions));
  }
}

export class DefineField extends DefineStatement {
  type(type: string): this {
    return this.clause('TYPE', kw('TYPE'), typeToken(type));
  }

  /** `FLEXIBLE`: a schemafull object field that accepts any nested keys. */
  flexible(): this {
    return this.clause('FLEXIBLE', kw('FLEXIBLE'));
  }

  /** `DEFAULT [ALWAYS] value`. */
  default(value: unknown, options: { always?: boolean } = {}): this {
    return this.clause('DEFAULT', kw(options.always ? 'DEFAULT ALWAYS' : 'DEFAULT'), expr(value));
  }

  readonly(): this {
    return this.clause('READONLY', kw('READONLY'));
  }

  /** `VALUE expression`: computed on every write (`param('value')` is the written value). */
  value(value: unknown): this {
    return this.clause('VALUE', kw('VALUE'), expr(value));
  }

  /** `COMPUTED expression`: evaluated on every read, never stored (SurrealDB 3). */
  computed(value: Expression): this {
    return this.clause('COMPUTED', kw('COMPUTED'), expr(value));
  }

  assert(condition: Expression): this {
    return this.clause('ASSERT', kw('ASSERT'), expr(condition));
  }

  /** `REFERENCE [ON DELETE REJECT | CASCADE | IGNORE | UNSET | THEN ...]` for record links. */
  reference(options: { onDelete?: 'reject' | 'cascade' | 'ignore' | 'unset' } = {}): this {
    const action = options.onDelete;
    if (action !== undefined && !['reject', 'cascade', 'ignore', 'unset'].includes(action)) throw new QueryBuildError(`Unknown ON DELETE action ${action}`);
    return this.clause('REFERENCE', kw(action ? `REFERENCE ON DELETE ${action.toUpperCase()}` : 'REFERENCE'));
  }

  permissions(permissions: Permissions): this {
    return this.clause('PERMISSIONS', kw('PERMISSIONS'), ...permissionTokens(permissions));
  }
}

const DISTANCES = ['CHEBYSHEV', 'COSINE', 'EUCLIDEAN', 'HAMMING', 'JACCARD', 'MANHATTAN', 'MINKOWSKI', 'PEARSON'];
const VECTOR_TYPES = ['F64', 'F32', 'I64', 'I32', 'I16'];

export class DefineIndex extends DefineStatement {
  fields(...paths: Path[]): this {
    const items = paths.map((p): Token[] => [{ t: 'expr', node: field(p).node }]);
    return this.clause('FIELDS', kw('FIELDS'), { t: 'list', items });
  }

  unique(): this {
    return this.clause('KIND', kw('UNIQUE'));
  }

  /** `COUNT`: an index that keeps the table's row count. */
  count(): this {
    return this.clause('KIND', kw('COUNT'));
  }

  /** `FULLTEXT ANALYZER name [BM25 [(k1, b)]] [HIGHLIGHTS]` (3.x; SEARCH in 2.x). */
  fulltext(analyzer: string, options: { bm25?: boolean | readonly [number, number]; highlights?: boolean } = {}): this {
    const tokens: Token[] = [kw('FULLTEXT ANALYZER'), ident(analyzer)];
    if (Array.isArray(options.bm25)) {
      const [k1, b] = options.bm25.map(Number);
      if (!Number.isFinite(k1) || !Number.isFinite(b)) throw new QueryBuildError('BM25 parameters must be numbers');
      tokens.push(kw(`BM25(${k1},${b})`));
    } else if (options.bm25 !== false) tokens.push(kw('BM25'));
    if (options.highlights) tokens.push(kw('HIGHLIGHTS'));
    return this.clause('KIND', ...tokens);
  }

  /** `HNSW DIMENSION n [DIST d] [TYPE t] [EFC n] [M n]` (3.0 has no MTREE). */
  hnsw(options: { dimension: number; distance?: string; type?: string; efc?: number; m?: number }): this {
    let text = `HNSW DIMENSION ${nonNegativeInteger('DIMENSION', options.dimension)}`;
    if (options.distance !== undefined) {
      if (!DISTANCES.includes(options.distance.toUpperCase())) throw new QueryBuildError(`Unknown distance ${options.distance}`);
      text += ` DIST ${options.distance.toUpperCase()}`;
    }
    if (options.type !== undefined) {
      if (!VECTOR_TYPES.includes(options.type.toUpperCase())) throw new QueryBuildError(`Unknown vector type ${options.type}`);
      text += ` TYPE ${options.type.toUpperCase()}`;
    }
    if (options.efc !== undefined) text += ` EFC ${nonNegativeInteger('EFC', options.efc)}`;
    if (options.m !== undefined) text += ` M ${nonNegativeInteger('M', options.m)}`;
    return this.clause('KIND', kw(text));
  }

  /** `CONCURRENTLY`: build in the background. */
  concurrently(): this {
    return this.clause('CONCURRENTLY', kw('CONCURRENTLY'));
  }
}

export class DefineEvent extends DefineStatement {
  when(condition: Expression): this {
    return this.clause('WHEN', kw('WHEN'), expr(condition));
  }

  /** `THEN { ... }`: `$event`, `$before`, `$after`, `$value` are available via `param()`. */
  then(body: Body): this {
    return this.clause('THEN', kw('THEN'), { t: 'block', node: block(body) });
  }
}

const TOKENIZERS = ['blank', 'camel', 'class', 'punct'];
const FILTER = /^(ascii|lowercase|uppercase|(edgengram|ngram)\(\d+,\s*\d+\)|snowball\([a-z]+\))$/i;

export class DefineAnalyzer extends DefineStatement {
  tokenizers(...names: string[]): this {
    for (const name of names) if (!TOKENIZERS.includes(name.toLowerCase())) throw new QueryBuildError(`Unknown tokenizer ${name}`);
    return this.clause('TOKENIZERS', kw(`TOKENIZERS ${names.join(',')}`));
  }

  /** Filters such as `lowercase`, `ascii`, `snowball(english)`, `edgengram(2,10)`. */
  filters(...names: string[]): this {
    for (const name of names) if (!FILTER.test(name)) throw new QueryBuildError(`Unknown analyzer filter ${name}`);
    return this.clause('FILTERS', kw(`FILTERS ${names.join(',')}`));
  }
}

type Level = 'root' | 'namespace' | 'database';

function level(on: Level): Token {
  if (on !== 'root' && on !== 'namespace' && on !== 'database') throw new QueryBuildError(`Unknown level ${String(on)}`);
  return kw(`ON ${on.toUpperCase()}`);
}

const ROLES = ['OWNER', 'EDITOR', 'VIEWER'];
const ALGORITHMS = ['EDDSA', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'PS256', 'PS384', 'PS512', 'RS256', 'RS384', 'RS512'];

function durations(options: { grant?: string; token?: string; session?: string }): Token[] {
  const parts = Object.entries(options).map(([key, value]) => {
    if (!['grant', 'token', 'session'].includes(key)) throw new QueryBuildError(`Unknown duration ${key}`);
    return `FOR ${key.toUpperCase()} ${durationLiteral(value as string)}`;
  });
  return [kw(`DURATION ${parts.join(', ')}`)];
}

export class DefineUser extends DefineStatement {
  password(password: string): this {
    return this.clause('PASS', kw('PASSWORD'), str(password));
  }

  passhash(hash: string): this {
    return this.clause('PASS', kw('PASSHASH'), str(hash));
  }

  roles(...roles: ('owner' | 'editor' | 'viewer')[]): this {
    const upper = roles.map((r) => r.toUpperCase());
    for (const role of upper) if (!ROLES.includes(role)) throw new QueryBuildError(`Unknown role ${role}`);
    return this.clause('ROLES', kw(`ROLES ${upper.join(', ')}`));
  }

  duration(options: { token?: string; session?: string }): this {
    return this.clause('DURATION', ...durations(options));
  }
}

export class DefineAccess extends DefineStatement {
  /** `TYPE JWT ALGORITHM alg KEY 'key'`. */
  jwt(options: { algorithm: string; key: string }): this {
    const algorithm = options.algorithm.toUpperCase();
    if (!ALGORITHMS.includes(algorithm)) throw new QueryBuildError(`Unknown JWT algorithm ${options.algorithm}`);
    return this.clause('TYPE', kw(`TYPE JWT ALGORITHM ${algorithm} KEY`), str(options.key));
  }

  /** `TYPE RECORD [SIGNUP (...)] [SIGNIN (...)] [WITH JWT ALGORITHM alg KEY 'key']`. */
  record(options: { signup?: Expression; signin?: Expression; jwt?: { algorithm: string; key: string } }): this {
    const tokens: Token[] = [kw('TYPE RECORD')];
    if (options.signup) tokens.push(kw('SIGNUP'), { t: 'expr', node: options.signup.node });
    if (options.signin) tokens.push(kw('SIGNIN'), { t: 'expr', node: options.signin.node });
    if (options.jwt) {
      const algorithm = options.jwt.algorithm.toUpperCase();
      if (!ALGORITHMS.includes(algorithm)) throw new QueryBuildError(`Unknown JWT algorithm ${options.jwt.algorithm}`);
      tokens.push(kw(`WITH JWT ALGORITHM ${algorithm} KEY`), str(options.jwt.key));
    }
    return this.clause('TYPE', ...tokens);
  }

  /** `TYPE BEARER FOR USER | RECORD`. */
  bearer(subject: 'user' | 'record'): this {
    if (subject !== 'user' && subject !== 'record') throw new QueryBuildError(`Unknown bearer subject ${String(subject)}`);
    return this.clause('TYPE', kw(`TYPE BEARER FOR ${subject.toUpperCase()}`));
  }

  duration(options: { grant?: string; token?: string; session?: string }): this {
    return this.clause('DURATION', ...durations(options));
  }
}

export class DefineParam extends DefineStatement {
  value(value: unknown): this {
    return this.clause('VALUE', kw('VALUE'), expr(value));
  }

  permissions(permissions: 'full' | 'none' | Expression<boolean>): this {
    return this.clause('PERMISSIONS', kw('PERMISSIONS'), ...(typeof permissions === 'string' ? [kw(permissions.toUpperCase())] : [kw('WHERE'), expr(permissions)]));
  }
}

export class DefineSequence extends DefineStatement {
  batch(size: number): this {
    return this.clause('BATCH', kw(`BATCH ${nonNegativeInteger('BATCH', size)}`));
  }

  start(at: number): this {
    if (!Number.isInteger(at)) throw new QueryBuildError(`START must be an integer, got ${at}`);
    return this.clause('START', kw(`START ${at}`));
  }
}

/** A custom function name: `greet` or `users::greet` (called as `fn::users::greet`). */
export function functionName(name: string): string {
  const segments = name.replace(/^fn::/, '').split('::');
  for (const segment of segments) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(segment)) throw new QueryBuildError(`Invalid function name ${JSON.stringify(name)}`);
  }
  return `fn::${segments.join('::')}`;
}

export class DefineFunction extends DefineStatement {
  permissions(permissions: 'full' | 'none' | Expression<boolean>): this {
    return this.clause('PERMISSIONS', kw('PERMISSIONS'), ...(typeof permissions === 'string' ? [kw(permissions.toUpperCase())] : [kw('WHERE'), expr(permissions)]));
  }
}

export const define = {
  namespace: (name: string) => make(DefineStatement, 'NAMESPACE', [ident(name)]),
  database: (name: string) => make(DefineStatement, 'DATABASE', [ident(name)]),
  table: (name: string) => make(DefineTable, 'TABLE', [ident(name)]),
  field: (name: Path, table: string) => make(DefineField, 'FIELD', [{ t: 'expr', node: field(name).node }, kw('ON TABLE'), ident(table)]),
  index: (name: string, table: string) => make(DefineIndex, 'INDEX', [ident(name), kw('ON TABLE'), ident(table)]),
  event: (name: string, table: string) => make(DefineEvent, 'EVENT', [ident(name), kw('ON TABLE'), ident(table)]),
  analyzer: (name: string) => make(DefineAnalyzer, 'ANALYZER', [ident(name)]),
  access: (name: string, on: Level) => make(DefineAccess, 'ACCESS', [ident(name), level(on)]),
  user: (name: string, on: Level) => make(DefineUser, 'USER', [ident(name), level(on)]),
  param: (name: string) => make(DefineParam, 'PARAM', [{ t: 'param', s: name }]),
  sequence: (name: string) => make(DefineSequence, 'SEQUENCE', [ident(name)]),
  /**
   * `DEFINE FUNCTION fn::name($a: type, ...) [-> type] { body }`; `body` receives one `$param`
   * expression per argument.
   */
  function: (name: string, args: readonly (readonly [string, string])[], body: (...params: Expression[]) => Body, options: { returns?: string } = {}) => {
    const head: Token[] = [kw(functionName(name)), kw('(')];
    args.forEach(([argName, type], i) => head.push(...(i > 0 ? [kw(',')] : []), { t: 'param', s: argName }, kw(':'), typeToken(type)));
    head.push(kw(')'));
    if (options.returns !== undefined) head.push(kw('->'), typeToken(options.returns));
    head.push({ t: 'block', node: block(body(...args.map(([argName]) => param(argName)))) });
    return make(DefineFunction, 'FUNCTION', head);
  },
};
