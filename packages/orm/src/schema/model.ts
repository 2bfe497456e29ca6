/**
 * @module `model(name, fields, options)`: a model class whose instances carry the declared fields
 * as properties plus `save()`, `refresh()`, `merge()` and `delete()`, and whose `objects` is the
 * root queryset. A write that affects no record (SurrealDB 3 answers those with silence) raises
 * `RecordNotAffectedError`; it never re-creates the record. Instance writes fire the model's
 * hooks (../signals.ts) around the statement, on the same client.
 */
import { RecordId, type AuthTokens } from '@sdb/protocol';
import { run, select, type DefineAnalyzerNode } from '@sdb/ql';
import { modelAccess, type AccessOptions, type ModelAccess } from '../auth/access.ts';
import type { AuthOptions, SignedIn } from '../auth/session.ts';
import { resolveClient, type OrmClient, type Using } from '../connection.ts';
import { DoesNotExistError, ModelDefinitionError, RecordNotAffectedError, ValidationError } from '../errors.ts';
import { assignRow, changedFields, isLoaded, LOADED, loadPlan, type LoadPlan } from '../query/hydrate.ts';
import { QuerySet } from '../query/queryset.ts';
import { fireHooks, Hooks } from '../signals.ts';
import { RelationManager, type FarOf } from '../relations/manager.ts';
import { via, type Direction, type Relation } from '../relations/relation.ts';
import type { AnyEdge } from './edge.ts';
import { isField } from './fields.ts';
import { fieldNameProblem, RESERVED, tableNameProblem } from './names.ts';
import type { FieldMap, InsertOf, PatchOf, RecordOf } from './infer.ts';
import { analyzerNodes, tableClauses, type AnalyzerOptions, type TableClauses, type TableOptions } from './table-options.ts';
import { withDefaults } from './defaults.ts';

export interface ModelOptions<K extends string = string> extends TableOptions {
  /** SCHEMAFULL: the table (and save()) refuse fields the model does not declare. Default false. */
  readonly schemafull?: boolean;
  /** The model is the user table of a record access method (`DEFINE ACCESS … TYPE RECORD`, see ../auth/access.ts). */
  readonly access?: AccessOptions<K>;
  /** Full-text analyzers by name, defined by `pushSchema` before the table (`f.string().fulltext({ analyzer })` names one). */
  readonly analyzers?: Readonly<Record<string, AnalyzerOptions>>;
  /**
   * Relations other models hold to this one, by name: `{ employees: (): Relation => Person.via('company') }`
   * (a thunk, annotated `Relation` so two models referring to each other still type-check).
   */
  readonly reverse?: Readonly<Record<string, () => Relation>>;
}

/** Options of `instance.related(Edge, options)`. */
export interface RelatedOptions<D extends Direction = Direction> {
  /** `out` (default): the edges whose `in` is this record; `in`: those whose `out` is. */
  readonly direction?: D;
  readonly using?: Using;
}

/** The methods every instance has; no field may take one of these names. */
export interface InstanceMethods<N extends string, F extends FieldMap> {
  /** Creates the record, or writes the fields changed since it was loaded (nothing when none changed). */
  save(options?: { using?: Using }): Promise<void>;
  /** Reloads every field from the database, in place. */
  refresh(options?: { using?: Using }): Promise<void>;
  /** Merges `patch` into the record and takes the record's new state. */
  merge(patch: PatchOf<F>, options?: { using?: Using }): Promise<void>;
  /** Deletes the record. */
  delete(options?: { using?: Using }): Promise<void>;
  /** The relation manager of this record's `edge` edges: `ann.related(Knows).add(bob, { since: 2021 })`. */
  related<E extends AnyEdge>(edge: E, options?: RelatedOptions<'out'>): RelationManager<E, FarOf<E, 'out'>>;
  related<E extends AnyEdge>(edge: E, options: RelatedOptions<'in'>): RelationManager<E, FarOf<E, 'in'>>;
  readonly _table?: N;
}

/** An instance of a model: the record's fields plus the instance methods. */
export type Instance<N extends string, F extends FieldMap> = RecordOf<N, F> & InstanceMethods<N, F>;

/** A model class, as `model()` makes it. */
export interface ModelClass<N extends string, F extends FieldMap> {
  /** An unsaved instance (`id` undefined until `save()`), with defaults filled in. */
  new (data: InsertOf<N, F>): Instance<N, F>;
  readonly prototype: Instance<N, F>;
  readonly table: N;
  readonly fields: F;
  readonly fieldNames: readonly (keyof F & string)[];
  /** How rows load into instances, computed once from the fields. */
  readonly loadPlan: LoadPlan;
  readonly schemafull: boolean;
  /** The DEFINE ANALYZER nodes of the `analyzers` option. */
  readonly analyzers: readonly DefineAnalyzerNode[];
  /** The root queryset: every record of the table. */
  readonly objects: QuerySet<ModelClass<N, F>>;
  /** DEFINE TABLE's PERMISSIONS and CHANGEFEED, from the options. */
  readonly tableClauses: TableClauses;
  /** The record access method the model is the user table of, if any. */
  readonly access: ModelAccess | undefined;
  /** Signs up through the access method (the data checked first; the password only as a variable) and signs the client in. */
  signup(data: InsertOf<N, F>, options?: AuthOptions): Promise<SignedIn<Instance<N, F>>>;
  /** Signs the client in through the access method: `{ email, password }` for a derived one. */
  signin(credentials: Record<string, unknown>, options?: AuthOptions): Promise<SignedIn<Instance<N, F>>>;
  /** Exchanges tokens for new ones (an access declared `refresh: true`); the client is authenticated with them. */
  refresh(tokens: AuthTokens, options?: { using?: Using }): Promise<AuthTokens>;
  /** The user signed in on the client (`$auth`), or `undefined` (a system user, a guest, another table's user). */
  current(using?: Using): Promise<Instance<N, F> | undefined>;
  /** This model's signals: `Person.hooks.on('preSave', ({ instance, using, created }) => ...)` (see ../signals.ts). */
  readonly hooks: Hooks<Instance<N, F>, PatchOf<F>>;
  /** The relations declared in the `reverse` option. */
  readonly reverse: Readonly<Record<string, () => Relation>>;
  /** The reverse of the link `field` (`Person.via('company')`: the people of a company), for a model's `reverse` option. */
  via(field: keyof F & string): Relation;
}

export type AnyModel = ModelClass<any, any>;
export type FieldsOf<M extends AnyModel> = M['fields'];
export type TableOf<M extends AnyModel> = M['table'];
export type InstanceOf<M extends AnyModel> = M['prototype'];

/** Signing in (../auth/session.ts) loads on the first call: a page that never signs in never downloads it. */
const authSession = () => import('../auth/session.ts');
/** So do writes and their checks (../query/write.ts): a page that only reads never downloads them. */
const writes = () => import('../query/write.ts');

function checkDeclaration(name: string, fields: FieldMap, options: ModelOptions): void {
  for (const [key, relation] of Object.entries(options.reverse ?? {})) {
    if (typeof relation !== 'function') throw new ModelDefinitionError(`${name}.reverse.${key} is a thunk: () => Model.via('field')`);
    if (Object.hasOwn(fields, key) || RESERVED.has(key) || key.includes('__')) throw new ModelDefinitionError(`${name}.reverse.${key}: the name is taken by a field, an instance method or has "__"`);
  }
  const tableProblem = tableNameProblem(name);
  if (tableProblem !== undefined) throw new ModelDefinitionError(tableProblem);
  for (const [key, fieldDef] of Object.entries(fields)) {
    if (!isField(fieldDef)) throw new ModelDefinitionError(`${name}.${key} is not a field (use f.string(), f.int()...)`);
    const fieldProblem = fieldNameProblem(name, key);
    if (fieldProblem !== undefined) throw new ModelDefinitionError(fieldProblem);
  }
}

function recordOf(instance: { id?: unknown }, model: string, operation: 'save' | 'merge' | 'delete' | 'refresh'): RecordId {
  if (!(instance.id instanceof RecordId)) throw new RecordNotAffectedError(model, operation, `an unsaved ${model}`);
  return instance.id;
}

/** Declares a model: `model('person', { name: f.string(), age: f.int().default(0) }, { schemafull: true })`. */
export function model<const N extends string, const F extends FieldMap>(name: N, fields: F, options: ModelOptions<keyof F & string> = {}): ModelClass<N, F> {
  checkDeclaration(name, fields, options);
  const analyzers = Object.freeze(analyzerNodes(options.analyzers ?? {}));
  const frozenFields = Object.freeze({ ...fields });
  const clauses = tableClauses(options);
  const access = options.access === undefined ? undefined : modelAccess(name, frozenFields, options.access);
  const fieldNames = Object.freeze(Object.keys(frozenFields));
  const plan = loadPlan(frozenFields);

  // Instances loaded from rows are made with Object.create (./hydrate.ts), so they have no
  // private class members: shared logic lives in closures like this one, not in #methods.
  async function write(instance: object, operation: 'save' | 'merge', patch: Record<string, unknown>, client: OrmClient): Promise<void> {
    const id = recordOf(instance as { id?: unknown }, name, operation);
    for (const key of Object.keys(patch)) {
      if (frozenFields[key]?.config.readonly) throw new ValidationError(name, key, 'readonly', 'the field is read-only once the record exists');
    }
    const row = await (await writes()).updateRecord(() => client, Model, id, patch);
    if (row === undefined) throw new RecordNotAffectedError(name, operation, String(id));
    assignRow(instance, row, plan);
  }

  /** CREATE of an unsaved instance: its fields (checked, defaults filled in), then the stored record loaded into it. */
  async function insert(instance: object, client: OrmClient): Promise<void> {
    assignRow(instance, await (await writes()).createRecord(() => client, Model, instance as Record<string, unknown>), plan);
  }

  class Model {
    static readonly table = name;
    static readonly fields = frozenFields;
    static readonly fieldNames = fieldNames;
    /** How rows load into instances (./hydrate.ts), computed once. */
    static readonly loadPlan: LoadPlan = plan;
    static readonly schemafull = options.schemafull === true;
    static readonly tableClauses = clauses;
    static readonly access = access;
    static readonly analyzers = analyzers;
    static readonly hooks = new Hooks(Model);

    static readonly reverse = Object.freeze({ ...options.reverse });

    static get objects(): QuerySet<AnyModel> {
      return new QuerySet(Model as unknown as AnyModel);
    }

    static async signup(data: Record<string, unknown>, opts?: AuthOptions): Promise<SignedIn<unknown>> {
      return (await authSession()).signup(Model, data, opts);
    }

    static async signin(credentials: Record<string, unknown>, opts?: AuthOptions): Promise<SignedIn<unknown>> {
      return (await authSession()).signin(Model, credentials, opts);
    }

    static async refresh(tokens: AuthTokens, opts?: { using?: Using }): Promise<AuthTokens> {
      return (await authSession()).refresh(Model, tokens, opts);
    }

    static async current(using?: Using): Promise<unknown> {
      return (await authSession()).currentUser(Model, using);
    }

    static via(field: string): Relation {
      return via(Model as unknown as AnyModel, field);
    }

    constructor(data: Record<string, unknown>) {
      const values = withDefaults(frozenFields, data);
      for (const key of fieldNames) if (values[key] !== undefined) (this as Record<string, unknown>)[key] = values[key];
      if (data.id !== undefined) (this as Record<string, unknown>).id = data.id instanceof RecordId ? data.id : new RecordId(name, data.id as string);
    }

    async save(opts: { using?: Using } = {}): Promise<void> {
      const using = resolveClient(opts.using);
      const event = { model: Model, instance: this, using, created: !isLoaded(this) };
      await fireHooks(Model, 'preSave', event);
      if (event.created) await insert(this, using);
      else {
        const changed = changedFields(this, plan);
        if (Object.keys(changed).length > 0) await write(this, 'save', changed, using);
      }
      await fireHooks(Model, 'postSave', event);
    }

    async merge(patch: Record<string, unknown>, opts: { using?: Using } = {}): Promise<void> {
      recordOf(this as { id?: unknown }, name, 'merge'); // an unsaved instance fails before any hook runs
      // A copy, so a preUpdate handler may add to the patch without changing the caller's object.
      const event = { model: Model, instance: this, using: resolveClient(opts.using), patch: { ...patch } };
      await fireHooks(Model, 'preUpdate', event);
      await write(this, 'merge', event.patch, event.using);
      await fireHooks(Model, 'postUpdate', event);
    }

    async refresh(opts: { using?: Using } = {}): Promise<void> {
      const id = recordOf(this as { id?: unknown }, name, 'refresh');
      const [row] = await run(resolveClient(opts.using), select<Record<string, unknown>>(id));
      if (row === undefined) throw new DoesNotExistError(name, `${String(id)} is gone`);
      assignRow(this, row, plan);
    }

    related(edge: AnyEdge, opts: RelatedOptions = {}): RelationManager<AnyEdge, AnyModel> {
      return new RelationManager(this as { id?: unknown }, edge, opts.direction ?? 'out', opts.using);
    }

    async delete(opts: { using?: Using } = {}): Promise<void> {
      const id = recordOf(this as { id?: unknown }, name, 'delete');
      const event = { model: Model, instance: this, using: resolveClient(opts.using), id };
      await fireHooks(Model, 'preDelete', event);
      const removed = await (await writes()).deleteWhere(() => event.using, id);
      if (removed === 0) throw new RecordNotAffectedError(name, 'delete', String(id));
      // As in Django: the instance stays usable as data; save() would create a new record.
      delete (this as { [LOADED]?: unknown; id?: unknown })[LOADED];
      delete (this as { id?: unknown }).id;
      await fireHooks(Model, 'postDelete', event);
    }
  }
  Object.defineProperty(Model, 'name', { value: name });
  return Model as unknown as ModelClass<N, F>;
}
