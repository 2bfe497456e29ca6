/**
 * @module The schema printer: DEFINE and REMOVE nodes into SurrealQL, each clause from its named
 * property, in the order SurrealDB 3.0.2 prints definitions itself (INFO FOR DB/TABLE). Nodes
 * may be made by hand (the ORM builds them), so every keyword is checked against its fixed list
 * here again; names are quoted, and values print through the statement printer.
 */
import { QueryBuildError, escapeIdent, escapeParam, type OperationNode } from '@sdb/functions/core';
import { durationLiteral, nonNegativeInteger } from './clauses.ts';
import type { DefineAccessNode, DefineUserNode } from './statements/define-access.ts';
import type { DefineCommon } from './statements/define-base.ts';
import type { DefineFunctionNode, DefineParamNode, DefineSequenceNode } from './statements/define-database.ts';
import type { DefineAnalyzerNode, DefineIndexNode } from './statements/define-index.ts';
import type { DefineEventNode, DefineFieldNode, DefineTableNode } from './statements/define-table.ts';
import type { DefineNode } from './statements/define.ts';
import type { RemoveNode } from './statements/remove.ts';
import type { AccessMethod, AnalyzerFilter, DurationsNode, JwtNode, PermissionRule, PermissionsNode } from './statements/schema-clauses.ts';
import { ALGORITHMS, ON_DELETE, PERMISSION_ACTIONS, ROLES, TOKENIZERS, checkFulltext, checkHnsw, functionName, integer, level } from './statements/schema-keywords.ts';
import { TABLE_TYPES, TYPE_NAMES, type TypeNode } from './statements/schema-type.ts';

/** What the schema printer needs from the statement compiler (values are literals: it runs in `inline` mode). */
export interface StatementPrinter {
  print(node: OperationNode): string;
  statement(node: OperationNode): string;
  bind(value: unknown): string;
}

export function printDefine(p: StatementPrinter, node: DefineNode): string {
  switch (node.kind) {
    case 'defineNamespace': return `${head('NAMESPACE', node)} ${escapeIdent(node.name)}${comment(p, node)}`;
    case 'defineDatabase': return `${head('DATABASE', node)} ${escapeIdent(node.name)}${comment(p, node)}`;
    case 'defineTable': return table(p, node);
    case 'defineField': return field(p, node);
    case 'defineIndex': return index(p, node);
    case 'defineEvent': return event(p, node);
    case 'defineAnalyzer': return analyzer(p, node);
    case 'defineAccess': return access(p, node);
    case 'defineUser': return user(p, node);
    case 'defineParam': return defineParam(p, node);
    case 'defineFunction': return defineFunction(p, node);
    case 'defineSequence': return sequence(node);
    default: throw new QueryBuildError(`Unknown DEFINE node kind ${JSON.stringify((node as OperationNode).kind)}`);
  }
}

function head(what: string, node: DefineCommon): string {
  if (node.mode !== undefined && node.mode !== 'OVERWRITE' && node.mode !== 'IF NOT EXISTS') throw new QueryBuildError(`Unknown DEFINE mode ${String(node.mode)}`);
  return `DEFINE ${what}${node.mode ? ` ${node.mode}` : ''}`;
}

function comment(p: StatementPrinter, node: DefineCommon): string {
  return node.comment === undefined ? '' : ` COMMENT ${p.bind(String(node.comment))}`;
}

function rule(p: StatementPrinter, value: PermissionRule): string {
  if (value === 'FULL' || value === 'NONE') return value;
  if (typeof value !== 'object' || value === null) throw new QueryBuildError(`Unknown permission ${String(value)}`);
  return `WHERE ${p.print(value)}`;
}

function permissions(p: StatementPrinter, value: PermissionsNode | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return ` PERMISSIONS ${rule(p, value)}`;
  const items = Object.entries(value).map(([action, r]) => {
    if (!PERMISSION_ACTIONS.includes(action as never)) throw new QueryBuildError(`Unknown permission action ${action}`);
    return `FOR ${action} ${rule(p, r as PermissionRule)}`;
  });
  return items.length === 0 ? '' : ` PERMISSIONS ${items.join(', ')}`;
}

function tables(names: readonly string[]): string {
  return names.map((name) => escapeIdent(name, 'table')).join(' | ');
}

export function printType(type: TypeNode): string {
  const node = type as { name: string; of?: TypeNode | readonly TypeNode[]; tables?: readonly string[]; size?: number };
  if (node.name === 'union') {
    const members = node.of as readonly TypeNode[];
    if (!Array.isArray(members) || members.length === 0) throw new QueryBuildError('A union type needs members');
    return members.map(printType).join(' | ');
  }
  if (TABLE_TYPES.has(node.name)) return node.tables && node.tables.length > 0 ? `${node.name}<${tables(node.tables)}>` : node.name;
  if (!TYPE_NAMES.has(node.name)) throw new QueryBuildError(`Not a SurrealQL type: ${JSON.stringify(node.name)}`);
  if (node.of === undefined) return node.name;
  const size = node.size === undefined ? '' : `, ${nonNegativeInteger('A type size', node.size)}`;
  return `${node.name}<${printType(node.of as TypeNode)}${size}>`;
}

function table(p: StatementPrinter, node: DefineTableNode): string {
  let out = `${head('TABLE', node)} ${escapeIdent(node.name, 'table')}`;
  if (node.relation !== undefined && node.type !== 'RELATION') throw new QueryBuildError("A table's relation needs type RELATION");
  if (node.type === 'NORMAL' || node.type === 'ANY') out += ` TYPE ${node.type}`;
  else if (node.type === 'RELATION') {
    out += ' TYPE RELATION';
    if (node.relation?.in?.length) out += ` IN ${tables(node.relation.in)}`;
    if (node.relation?.out?.length) out += ` OUT ${tables(node.relation.out)}`;
    if (node.relation?.enforced) out += ' ENFORCED';
  } else if (node.type !== undefined) throw new QueryBuildError(`Unknown table type ${String(node.type)}`);
  if (node.drop) out += ' DROP';
  if (node.schemafull !== undefined) out += node.schemafull ? ' SCHEMAFULL' : ' SCHEMALESS';
  out += comment(p, node);
  if (node.view !== undefined) out += ` AS ${p.statement(node.view)}`;
  if (node.changefeed !== undefined) out += ` CHANGEFEED ${durationLiteral(node.changefeed.expiry)}${node.changefeed.includeOriginal ? ' INCLUDE ORIGINAL' : ''}`;
  return out + permissions(p, node.permissions);
}

function field(p: StatementPrinter, node: DefineFieldNode): string {
  let out = `${head('FIELD', node)} ${p.print(node.name)} ON TABLE ${escapeIdent(node.table, 'table')}`;
  if (node.type !== undefined) out += ` TYPE ${printType(node.type)}`;
  if (node.flexible) out += ' FLEXIBLE';
  if (node.default !== undefined) out += ` DEFAULT ${node.default.always ? 'ALWAYS ' : ''}${p.print(node.default.value)}`;
  if (node.readonly) out += ' READONLY';
  if (node.value !== undefined) out += ` VALUE ${p.print(node.value)}`;
  if (node.assert !== undefined) out += ` ASSERT ${p.print(node.assert)}`;
  if (node.computed !== undefined) out += ` COMPUTED ${p.print(node.computed)}`;
  if (node.reference !== undefined) {
    const action = node.reference.onDelete;
    out += ' REFERENCE';
    if (typeof action === 'string') {
      if (!ON_DELETE.includes(action)) throw new QueryBuildError(`Unknown ON DELETE action ${action}`);
      out += ` ON DELETE ${action}`;
    } else if (action !== undefined) out += ` ON DELETE THEN ${p.print(action)}`;
  }
  return out + comment(p, node) + permissions(p, node.permissions);
}

function index(p: StatementPrinter, node: DefineIndexNode): string {
  let out = `${head('INDEX', node)} ${escapeIdent(node.name, 'index')} ON TABLE ${escapeIdent(node.table, 'table')}`;
  if (node.fields && node.fields.length > 0) out += ` FIELDS ${node.fields.map((f) => p.print(f)).join(', ')}`;
  const kinds = [node.unique, node.count, node.fulltext, node.hnsw].filter((k) => k !== undefined);
  if (kinds.length > 1) throw new QueryBuildError('An index is at most one of UNIQUE, COUNT, FULLTEXT and HNSW');
  if (node.unique) out += ' UNIQUE';
  if (node.count) out += ' COUNT';
  if (node.fulltext) {
    const { analyzer: name, bm25, highlights } = node.fulltext;
    checkFulltext(node.fulltext);
    out += ` FULLTEXT ANALYZER ${escapeIdent(name, 'analyzer')}`;
    if (bm25) out += typeof bm25 === 'object' ? ` BM25(${bm25.k1},${bm25.b})` : ' BM25';
    if (highlights) out += ' HIGHLIGHTS';
  }
  if (node.hnsw) {
    const h = node.hnsw;
    checkHnsw(h);
    out += ` HNSW DIMENSION ${h.dimension}`;
    if (h.distance !== undefined) out += ` DIST ${h.distance}`;
    if (h.type !== undefined) out += ` TYPE ${h.type}`;
    if (h.efc !== undefined) out += ` EFC ${h.efc}`;
    if (h.m !== undefined) out += ` M ${h.m}`;
  }
  out += comment(p, node);
  return node.concurrently ? `${out} CONCURRENTLY` : out;
}

function event(p: StatementPrinter, node: DefineEventNode): string {
  let out = `${head('EVENT', node)} ${escapeIdent(node.name, 'event')} ON TABLE ${escapeIdent(node.table, 'table')}`;
  if (node.when !== undefined) out += ` WHEN ${p.print(node.when)}`;
  if (node.then !== undefined) out += ` THEN ${p.print(node.then)}`;
  return out + comment(p, node);
}

function filter(f: AnalyzerFilter): string {
  switch (f.name) {
    case 'ASCII':
    case 'LOWERCASE':
    case 'UPPERCASE': return f.name;
    case 'EDGENGRAM':
    case 'NGRAM': return `${f.name}(${nonNegativeInteger('An n-gram size', f.min)},${nonNegativeInteger('An n-gram size', f.max)})`;
    case 'SNOWBALL':
      if (!/^[A-Za-z]+$/.test(f.language)) throw new QueryBuildError(`Unknown snowball language ${f.language}`);
      return `SNOWBALL(${f.language.toUpperCase()})`;
    default: throw new QueryBuildError(`Unknown analyzer filter ${String((f as { name: unknown }).name)}`);
  }
}

function analyzer(p: StatementPrinter, node: DefineAnalyzerNode): string {
  let out = `${head('ANALYZER', node)} ${escapeIdent(node.name, 'analyzer')}`;
  if (node.function !== undefined) out += ` FUNCTION fn::${functionName(node.function)}`;
  if (node.tokenizers?.length) {
    for (const t of node.tokenizers) if (!TOKENIZERS.includes(t)) throw new QueryBuildError(`Unknown tokenizer ${t}`);
    out += ` TOKENIZERS ${node.tokenizers.join(',')}`;
  }
  if (node.filters?.length) out += ` FILTERS ${node.filters.map(filter).join(',')}`;
  return out + comment(p, node);
}

function durations(value: DurationsNode | undefined): string {
  if (value === undefined) return '';
  const parts = (['grant', 'token', 'session'] as const).filter((k) => value[k] !== undefined).map((k) => `FOR ${k.toUpperCase()} ${durationLiteral(value[k] as string)}`);
  return parts.length === 0 ? '' : ` DURATION ${parts.join(', ')}`;
}

function jwt(p: StatementPrinter, node: JwtNode): string {
  if (!ALGORITHMS.includes(node.algorithm)) throw new QueryBuildError(`Unknown JWT algorithm ${node.algorithm}`);
  return `JWT ALGORITHM ${node.algorithm} KEY ${p.bind(String(node.key))}`;
}

function method(p: StatementPrinter, m: AccessMethod): string {
  switch (m.type) {
    case 'JWT': return ` TYPE ${jwt(p, m)}`;
    case 'RECORD': {
      let out = ' TYPE RECORD';
      if (m.signup !== undefined) out += ` SIGNUP ${p.print(m.signup)}`;
      if (m.signin !== undefined) out += ` SIGNIN ${p.print(m.signin)}`;
      // The 3.0.2 grammar takes WITH REFRESH before WITH JWT only (a WITH after the JWT clause must be ISSUER).
      if (m.refresh) out += ' WITH REFRESH';
      return m.jwt ? `${out} WITH ${jwt(p, m.jwt)}` : out;
    }
    case 'BEARER':
      if (m.for !== 'USER' && m.for !== 'RECORD') throw new QueryBuildError(`Unknown bearer subject ${String(m.for)}`);
      return ` TYPE BEARER FOR ${m.for}`;
    default: throw new QueryBuildError(`Unknown access type ${String((m as { type: unknown }).type)}`);
  }
}

function access(p: StatementPrinter, node: DefineAccessNode): string {
  let out = `${head('ACCESS', node)} ${escapeIdent(node.name, 'access')} ON ${level(node.on)}`;
  if (node.method !== undefined) out += method(p, node.method);
  if (node.authenticate !== undefined) out += ` AUTHENTICATE ${p.print(node.authenticate)}`;
  return out + durations(node.duration) + comment(p, node);
}

function user(p: StatementPrinter, node: DefineUserNode): string {
  let out = `${head('USER', node)} ${escapeIdent(node.name, 'user')} ON ${level(node.on)}`;
  if (node.password !== undefined && node.passhash !== undefined) throw new QueryBuildError('A user has a PASSWORD or a PASSHASH, not both');
  if (node.password !== undefined) out += ` PASSWORD ${p.bind(String(node.password))}`;
  if (node.passhash !== undefined) out += ` PASSHASH ${p.bind(String(node.passhash))}`;
  if (node.roles?.length) {
    for (const role of node.roles) if (!ROLES.includes(role)) throw new QueryBuildError(`Unknown role ${role}`);
    out += ` ROLES ${node.roles.join(', ')}`;
  }
  return out + durations(node.duration) + comment(p, node);
}

function defineParam(p: StatementPrinter, node: DefineParamNode): string {
  let out = `${head('PARAM', node)} ${escapeParam(node.name)}`;
  if (node.value !== undefined) out += ` VALUE ${p.print(node.value)}`;
  out += comment(p, node);
  return node.permissions === undefined ? out : `${out} PERMISSIONS ${rule(p, node.permissions)}`;
}

function defineFunction(p: StatementPrinter, node: DefineFunctionNode): string {
  const args = node.args.map((arg) => `${escapeParam(arg.name)}: ${printType(arg.type)}`).join(', ');
  let out = `${head('FUNCTION', node)} fn::${functionName(node.name)}(${args})`;
  if (node.returns !== undefined) out += ` -> ${printType(node.returns)}`;
  out += ` ${p.print(node.body)}${comment(p, node)}`;
  return node.permissions === undefined ? out : `${out} PERMISSIONS ${rule(p, node.permissions)}`;
}

function sequence(node: DefineSequenceNode): string {
  if (node.comment !== undefined) throw new QueryBuildError('SurrealDB 3.0 takes no COMMENT on DEFINE SEQUENCE');
  let out = `${head('SEQUENCE', node)} ${escapeIdent(node.name, 'sequence')}`;
  if (node.batch !== undefined) out += ` BATCH ${nonNegativeInteger('BATCH', node.batch)}`;
  if (node.start !== undefined) out += ` START ${integer('START', node.start)}`;
  if (node.timeout !== undefined) out += ` TIMEOUT ${durationLiteral(node.timeout)}`;
  return out;
}

export function printRemove(p: StatementPrinter, node: RemoveNode): string {
  const start = (what: string) => `REMOVE ${what}${node.ifExists ? ' IF EXISTS' : ''}`;
  switch (node.what) {
    case 'NAMESPACE':
    case 'DATABASE':
    case 'TABLE':
    case 'ANALYZER':
    case 'SEQUENCE': return `${start(node.what)} ${escapeIdent(node.name)}`;
    case 'PARAM': return `${start('PARAM')} ${escapeParam(node.name)}`;
    case 'FUNCTION': return `${start('FUNCTION')} fn::${functionName(node.name)}`;
    case 'FIELD': return `${start('FIELD')} ${p.print(node.name)} ON TABLE ${escapeIdent(node.table, 'table')}`;
    case 'INDEX':
    case 'EVENT': return `${start(node.what)} ${escapeIdent(node.name)} ON TABLE ${escapeIdent(node.table, 'table')}`;
    case 'ACCESS':
    case 'USER': return `${start(node.what)} ${escapeIdent(node.name)} ON ${level(node.on)}`;
    default: throw new QueryBuildError(`Unknown REMOVE target ${String((node as { what: unknown }).what)}`);
  }
}
