/**
 * @module The statement collector `transaction(fn)` hands to `fn`: over stateless HTTP a
 * transaction is one `BEGIN; ...; COMMIT;` query, so statements are gathered first and sent
 * together. Values always travel as bindings; the helper methods bind their targets and data
 * under reserved `$__tx…` names.
 */
import type { RecordId, Table } from '@sdb/protocol';

/** Where a write goes: a table (every record, or a new one) or one record. */
export type TransactionTarget = Table | RecordId;

export class HttpTransaction {
  readonly #statements: string[] = [];
  readonly #bindings: Record<string, unknown> = {};
  #nextBinding = 0;

  /**
   * Adds raw SurrealQL (one or more statements) with its bindings. A binding name reused by a
   * later statement must carry the same value: the batch shares one set of variables.
   */
  query(sql: string, bindings: Record<string, unknown> = {}): this {
    const trimmed = sql.trim().replace(/;+$/, '');
    if (trimmed === '') throw new TypeError('transaction: empty statement');
    for (const [name, value] of Object.entries(bindings)) {
      if (name.startsWith('__tx')) throw new TypeError(`transaction: the binding name $${name} is reserved`);
      if (name in this.#bindings && !Object.is(this.#bindings[name], value)) {
        throw new TypeError(`transaction: $${name} is bound twice with different values; use distinct names`);
      }
      this.#bindings[name] = value;
    }
    this.#statements.push(trimmed);
    return this;
  }

  /** `CREATE target CONTENT data`. */
  create(target: TransactionTarget, data?: Record<string, unknown>): this {
    return this.#write('CREATE', target, data && ['CONTENT', data]);
  }

  /** `INSERT INTO table rows`. */
  insert(table: Table, rows: Record<string, unknown> | readonly Record<string, unknown>[]): this {
    this.#statements.push(`INSERT INTO ${this.#bind(table)} ${this.#bind(rows)}`);
    return this;
  }

  /** `UPSERT target CONTENT data`. */
  upsert(target: TransactionTarget, data?: Record<string, unknown>): this {
    return this.#write('UPSERT', target, data && ['CONTENT', data]);
  }

  /** `UPDATE target CONTENT data` (replaces the records' content). */
  update(target: TransactionTarget, data?: Record<string, unknown>): this {
    return this.#write('UPDATE', target, data && ['CONTENT', data]);
  }

  /** `UPDATE target MERGE data`. */
  merge(target: TransactionTarget, data: Record<string, unknown>): this {
    return this.#write('UPDATE', target, ['MERGE', data]);
  }

  /** `DELETE target`. */
  delete(target: TransactionTarget): this {
    return this.#write('DELETE', target, undefined);
  }

  /** Number of statement groups added so far (each `query` call counts once). */
  get size(): number {
    return this.#statements.length;
  }

  /** The batch as one query: `BEGIN; ...; COMMIT;` with all bindings. */
  compile(): { query: string; bindings: Record<string, unknown> } {
    return { query: `BEGIN;\n${this.#statements.map((statement) => `${statement};\n`).join('')}COMMIT;`, bindings: { ...this.#bindings } };
  }

  #write(verb: string, target: TransactionTarget, data: [string, Record<string, unknown>] | undefined): this {
    const clause = data ? ` ${data[0]} ${this.#bind(data[1])}` : '';
    this.#statements.push(`${verb} ${this.#bind(target)}${clause}`);
    return this;
  }

  #bind(value: unknown): string {
    const name = `__tx${this.#nextBinding++}`;
    this.#bindings[name] = value;
    return `$${name}`;
  }
}
