/**
 * @module The canonical text of a definition: what the models declare and what INFO FOR DB/TABLE
 * prints compare equal when they mean the same. SurrealDB 3.0.2 prints definitions in its own
 * form (checked on the engine): its own quoting of keyword-like names, `none | int` for `option<int>`, `0.5f`, `ON` for `ON TABLE`, the
 * default table TYPE, PERMISSIONS and access DURATIONs spelled out, BM25 and HNSW parameters
 * filled in, keys redacted (and a RECORD access's generated HS512 key). Both sides go through the same functions here.
 */
import { QueryCompiler, type DefineNode, type TypeNode } from '@sdb/ql';

function membersOf(type: TypeNode): readonly TypeNode[] {
  return type.name === 'union' ? (type.of as readonly TypeNode[]) : [type];
}

/** `option<T>` as the engine stores it (`none | T`), everywhere in the type. */
function engineType(type: TypeNode): TypeNode {
  if (type.name === 'option' && 'of' in type && type.of !== undefined) {
    return { name: 'union', of: [{ name: 'none' }, ...membersOf(engineType(type.of as TypeNode))] };
  }
  if (type.name === 'union') return { name: 'union', of: (type.of as readonly TypeNode[]).map(engineType) };
  if ('of' in type && type.of !== undefined) return { ...type, of: engineType(type.of as TypeNode) };
  return type;
}

/** The node as the engine keeps it: no OVERWRITE/IF NOT EXISTS, and the defaults it fills in. */
function withEngineDefaults(node: DefineNode): DefineNode {
  const { mode: _mode, ...rest } = node;
  switch (rest.kind) {
    case 'defineTable': {
      const schemafull = rest.schemafull ?? false;
      return { ...rest, schemafull, type: rest.type ?? (schemafull ? 'NORMAL' : 'ANY') };
    }
    case 'defineField':
      return rest.type === undefined ? rest : { ...rest, type: engineType(rest.type) };
    case 'defineFunction':
      return { ...rest, args: rest.args.map((arg) => ({ ...arg, type: engineType(arg.type) })), ...(rest.returns ? { returns: engineType(rest.returns) } : {}) };
    case 'defineIndex': {
      if (rest.fulltext?.bm25 === true) return { ...rest, fulltext: { ...rest.fulltext, bm25: { k1: 1.2, b: 0.75 } } };
      if (rest.hnsw) return { ...rest, hnsw: { type: 'F32', efc: 150, m: 12, ...rest.hnsw } };
      return rest;
    }
    default:
      return rest;
  }
}

const ACTIONS: Record<string, { readonly actions: readonly string[] | undefined; readonly fallback: string }> = {
  TABLE: { actions: ['select', 'create', 'update', 'delete'], fallback: 'NONE' },
  FIELD: { actions: ['select', 'create', 'update'], fallback: 'FULL' },
  PARAM: { actions: undefined, fallback: 'FULL' },
  FUNCTION: { actions: undefined, fallback: 'FULL' },
};

/** `PERMISSIONS …` with every action spelled out, grouped by rule, or one rule when all agree. */
function canonicalPermissions(text: string, what: string): string {
  const spec = ACTIONS[what];
  if (spec === undefined) return text;
  const at = text.lastIndexOf(' PERMISSIONS ');
  const base = at === -1 ? text : text.slice(0, at);
  const clause = at === -1 ? spec.fallback : text.slice(at + ' PERMISSIONS '.length);
  if (spec.actions === undefined || !clause.startsWith('FOR ')) return `${base} PERMISSIONS ${clause}`;
  const rules = new Map<string, string>();
  for (const group of clause.slice(4).split(/, FOR /)) {
    const match = /^((?:(?:select|create|update|delete)(?:, |\s))+)(.*)$/.exec(group);
    if (match === null) return text; // not a form this file knows: compared as printed
    for (const action of (match[1] as string).split(/,\s*|\s+/).filter(Boolean)) rules.set(action, match[2] as string);
  }
  const byRule = new Map<string, string[]>();
  for (const action of spec.actions) {
    const rule = rules.get(action) ?? spec.fallback;
    byRule.set(rule, [...(byRule.get(rule) ?? []), action]);
  }
  if (byRule.size === 1) return `${base} PERMISSIONS ${[...byRule.keys()][0]}`;
  return `${base} PERMISSIONS ${[...byRule].map(([rule, actions]) => `FOR ${actions.join(', ')} ${rule}`).join(', ')}`;
}

/** An access method's DURATION clause without the durations the engine gives by default. */
function canonicalDurations(text: string): string {
  const defaults: Record<string, string> = { ...(text.includes(' TYPE BEARER ') ? { GRANT: '4w2d' } : {}), TOKEN: '1h', SESSION: 'NONE' };
  return text.replace(/ DURATION ((?:FOR (?:GRANT|TOKEN|SESSION) [^,\s]+(?:, )?)+)/, (_all, list: string) => {
    const kept = [...list.matchAll(/FOR (GRANT|TOKEN|SESSION) ([^,\s]+)/g)].filter(([, which, value]) => defaults[which as string] !== value);
    return kept.length === 0 ? '' : ` DURATION ${kept.map(([, which, value]) => `FOR ${which} ${value}`).join(', ')}`;
  });
}

/** Hides secrets (JWT keys, passwords) in a definition's text, as INFO does: for errors and comparison. */
export function redactSecrets(text: string): string {
  return text.replace(/ (KEY|PASSWORD|PASSHASH) (['"])(?:(?!\2)[^\\]|\\.)*\2/g, " $1 '[REDACTED]'");
}

/**
 * Names quoted only because they read as keywords, bare (string literals left as they are): the
 * engine and ql's printer quote different words (INFO prints `` `select` `` but `from`, and
 * `meta.select` inside a path), and either spelling names the same thing.
 */
function bareIdentifiers(text: string): string {
  return text.replace(/('(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")|`([A-Za-z_][A-Za-z0-9_]*)`/g, (_all, literal: string | undefined, name: string | undefined) => literal ?? (name as string));
}

/** The canonical form of a definition's SurrealQL text (from INFO, or printed from a node). */
export function canonicalText(sql: string): string {
  let text = bareIdentifiers(sql.trim().replace(/;$/, '').replace(/\s+/g, ' '));
  text = text.replace(/^DEFINE (FIELD|INDEX|EVENT) (.*?) ON TABLE /, 'DEFINE $1 $2 ON ');
  text = text.replace(/;\s*\}/g, ' }');
  text = text.replace(/(^|[^\w.])(\d+(?:\.\d+)?(?:e[+-]?\d+)?)f\b/g, '$1$2');
  text = redactSecrets(text).replace(" WITH ISSUER KEY '[REDACTED]'", '');
  text = text.replace(/ M0 \d+ LM [\d.e+-]+/, '');
  const what = /^DEFINE (\w+)/.exec(text)?.[1] ?? '';
  // A RECORD access given no JWT gets an HS512 one with a generated key; keys are redacted, so an explicit HS512 one reads the same.
  if (what === 'ACCESS') text = canonicalDurations(text).replace(/( TYPE RECORD .*) WITH JWT ALGORITHM HS512 KEY '\[REDACTED\]'/, '$1');
  return canonicalPermissions(text, what);
}

/** The canonical text of a node: printed by ql's compiler with the engine's defaults filled in. */
export function canonicalNode(node: DefineNode): string {
  return canonicalText(new QueryCompiler().statement(withEngineDefaults(node)));
}
