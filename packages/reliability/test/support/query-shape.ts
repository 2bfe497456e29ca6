/**
 * @module The structure of a SurrealQL text, for the injection checks: a small lexer of its own
 * (independent of the quoting code under test) splits a query into tokens — words, numbers,
 * `$params` (`` $`…` `` too), quoted identifiers (`` `…` `` and `⟨…⟩`), strings (`'…'`, `"…"`) and single
 * punctuation characters — and decodes each quoted token's escapes. Two queries have the same
 * shape when they have the same tokens, except where the benign one had a stand-in name or value
 * and the other has exactly one token that decodes to the string put in its place.
 */

export interface Token {
  kind: 'word' | 'number' | 'param' | 'ident' | 'string' | 'punct';
  text: string;
  /** What the token stands for once unquoted (for words and numbers, the text itself). */
  value: string;
}

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', '0': '\0', f: '\f', b: '\b' };

/** Reads a quoted run from `start` (at the opening mark) to its closing mark; answers its decoded value and the index after it. */
function quoted(query: string, start: number, close: string): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  while (i < query.length) {
    const c = query[i]!;
    if (c === close) return { value, end: i + 1 };
    if (c === '\\') {
      const next = query[i + 1] ?? '';
      if (next === 'u' && query[i + 2] === '{') {
        const endBrace = query.indexOf('}', i + 3);
        value += String.fromCodePoint(parseInt(query.slice(i + 3, endBrace), 16));
        i = endBrace + 1;
        continue;
      }
      value += ESCAPES[next] ?? next;
      i += 2;
      continue;
    }
    const point = query.codePointAt(i)!;
    value += String.fromCodePoint(point);
    i += point > 0xffff ? 2 : 1;
  }
  throw new Error(`unterminated ${close} quote from offset ${start} in: ${query}`);
}

export function tokenize(query: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < query.length) {
    const c = query[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '`' || c === '⟨' || c === "'" || c === '"') {
      const { value, end } = quoted(query, i, c === '⟨' ? '⟩' : c);
      tokens.push({ kind: c === '`' || c === '⟨' ? 'ident' : 'string', text: query.slice(i, end), value });
      i = end;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(query.slice(i))?.[0];
    if (word) {
      tokens.push({ kind: 'word', text: word, value: word });
      i += word.length;
      continue;
    }
    const number = /^[0-9][0-9_.]*/.exec(query.slice(i))?.[0];
    if (number) {
      tokens.push({ kind: 'number', text: number, value: number });
      i += number.length;
      continue;
    }
    if (c === '$' && query[i + 1] === '`') {
      const { value, end } = quoted(query, i + 1, '`');
      tokens.push({ kind: 'param', text: query.slice(i, end), value });
      i = end;
      continue;
    }
    if (c === '$') {
      const name = /^\$[A-Za-z0-9_]+/.exec(query.slice(i))?.[0];
      if (name) {
        tokens.push({ kind: 'param', text: name, value: name.slice(1) });
        i += name.length;
        continue;
      }
    }
    const point = query.codePointAt(i)!;
    const char = String.fromCodePoint(point);
    tokens.push({ kind: 'punct', text: char, value: char });
    i += char.length;
  }
  return tokens;
}

/**
 * Where `adversarial` differs in structure from `benign`, given that each stand-in (a key of
 * `replaced`) was swapped for its value: `undefined` when the shapes match, else a description
 * of the first difference.
 */
export function structureChange(benign: string, adversarial: string, replaced: ReadonlyMap<string, string>): string | undefined {
  const a = tokenize(benign);
  let b: Token[];
  try {
    b = tokenize(adversarial);
  } catch (error) {
    return `${(error as Error).message}`;
  }
  if (a.length !== b.length) return `${a.length} tokens became ${b.length}:\n  ${benign}\n  ${adversarial}`;
  for (let i = 0; i < a.length; i++) {
    const before = a[i]!;
    const after = b[i]!;
    if (before.text === after.text) continue;
    const expected = replaced.get(before.value);
    const sameRole =
      before.kind === 'string' || before.kind === 'param' ? after.kind === before.kind : after.kind === 'word' || after.kind === 'ident';
    if (expected === undefined || after.value !== expected || !sameRole) {
      return `token ${i}: ${before.text} became ${after.text}:\n  ${benign}\n  ${adversarial}`;
    }
  }
  return undefined;
}
