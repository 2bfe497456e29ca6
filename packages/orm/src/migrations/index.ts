/**
 * @module @sdb/orm/migrations: the migration engine, browser-safe (the `sdb` CLI is built on it).
 * Snapshots of the models and of migration files, their diff as operations (@sdb/ql DEFINE and
 * REMOVE nodes), migration files as data and as text, applying them atomically with a history
 * and a lock, and the live database's schema (introspect, schemaDiff, push, inspectModels).
 */
export { migrate, rollback, status, type MigrationStatus, type MigrationStep, type RunOptions } from './apply.ts';
export { diff, type Rename } from './diff.ts';
export { MigrationError, MigrationLockedError } from './errors.ts';
export { inspectModels } from './inspect.ts';
export { introspect, push, schemaDiff } from './introspect.ts';
export { compileMigration, checksumOf, makeMigration, renameCandidates, type Migration } from './migration.ts';
export { op, type Operation } from './operations.ts';
export { renderMigration } from './render.ts';
export { snapshotOf, stateOf, type EntryKind, type Snapshot, type SnapshotEntry } from './snapshot.ts';
