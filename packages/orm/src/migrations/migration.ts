/**
 * @module Migrations as values: `{ name, up, down }`, made offline from the models and the
 * existing migrations (`makeMigration`), checked (`checkMigrations`), hashed (`checksumOf`) and
 * printed as the SurrealQL they run (`compileMigration`, the CLI's `sqlmigrate`).
 */
import { QueryCompiler } from '@sdb/ql';
import type { ModelShape } from '../schema/validate.ts';
import { diff, possibleRenames, type Rename } from './diff.ts';
import { MigrationError } from './errors.ts';
import { stepsOf, stepText, type Operation } from './operations.ts';
import { snapshotOf, stateOf } from './snapshot.ts';

/** One migration file's content: a migration file's default export. */
export interface Migration {
  /** `0001_initial`: the number orders migrations, the rest says what it does. */
  readonly name: string;
  readonly up: readonly Operation[];
  readonly down: readonly Operation[];
}

const NAME = /^[A-Za-z0-9_]+$/;

/** Refuses a list that cannot be applied: a malformed migration or a name used twice. */
export function checkMigrations(migrations: readonly Migration[]): void {
  const seen = new Set<string>();
  for (const migration of migrations) {
    if (typeof migration !== 'object' || migration === null || typeof migration.name !== 'string' || !Array.isArray(migration.up) || !Array.isArray(migration.down)) {
      throw new MigrationError('A migration is { name, up: [...operations], down: [...operations] } (a migration file\'s default export)');
    }
    if (seen.has(migration.name)) throw new MigrationError(`Two migrations are named ${migration.name}`, migration.name);
    seen.add(migration.name);
  }
}

function nextNumber(existing: readonly Migration[]): number {
  return existing.reduce((highest, m) => Math.max(highest, Number.parseInt(/^(\d+)_/.exec(m.name)?.[1] ?? '0', 10)), 0) + 1;
}

/**
 * Renames the next migration could hold but no `.was()` declares: a field gone from a table and
 * one of the same type new on it. Pass the ones meant as `makeMigration`'s `renames`; the others
 * stay a drop and an add.
 */
export function renameCandidates(models: readonly ModelShape[], existing: readonly Migration[]): Rename[] {
  checkMigrations(existing);
  return possibleRenames(stateOf(existing), snapshotOf(models));
}

/**
 * The next migration: what turns the schema the `existing` migrations produce (worked out
 * offline) into the one the models declare. Its name is the next number and `label`
 * (`0002_add_age`); `undefined` when nothing changed, unless `empty` asks for an empty migration
 * to fill in by hand. `renames` are fields renamed without `.was()` (see `renameCandidates`).
 */
export function makeMigration(label: string | undefined, models: readonly ModelShape[], existing: readonly Migration[], options: { empty?: boolean; renames?: readonly Rename[] } = {}): Migration | undefined {
  checkMigrations(existing);
  const words = label ?? (existing.length === 0 ? 'initial' : 'auto');
  if (!NAME.test(words)) throw new MigrationError(`A migration name is letters, digits and _ , got ${JSON.stringify(words)}`);
  const name = `${String(nextNumber(existing)).padStart(4, '0')}_${words}`;
  if (options.empty) return { name, up: [], down: [] };
  const { up, down } = diff(stateOf(existing), snapshotOf(models), { renames: options.renames ?? [] });
  return up.length === 0 ? undefined : { name, up, down };
}

/** The SurrealQL a migration runs in one direction; a data migration shows as a comment. */
export function compileMigration(migration: Migration, direction: 'up' | 'down'): string {
  const compiler = new QueryCompiler();
  return (direction === 'up' ? migration.up : migration.down)
    .flatMap(stepsOf)
    .map((step) => stepText(step, compiler))
    .join('\n');
}

/** Plain data with keys sorted; functions as their source, so an edited data migration changes the checksum. */
function stableJson(value: unknown): string {
  if (typeof value === 'function') return JSON.stringify(value.toString());
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (typeof value === 'object' && value !== null) {
    if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return JSON.stringify(`${value.constructor.name}(${String(value)})`);
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return value === undefined ? 'null' : JSON.stringify(value);
}

/** SHA-256 (hex) of the migration's name and operations: `status` flags an applied file whose checksum changed. */
export async function checksumOf(migration: Migration): Promise<string> {
  const bytes = new TextEncoder().encode(stableJson({ name: migration.name, up: migration.up, down: migration.down }));
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}
