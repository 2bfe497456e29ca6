/**
 * @module `model(name, fields, options)`: a model class whose instances carry the declared fields
 * as properties plus `save()`, `refresh()`, `merge()` and `delete()`, and whose `objects` is the
 * root queryset. A write that affects no record (SurrealDB 3 answers those with silence) raises
 * `RecordNotAffectedError`; it never re-creates the record.
 */
import { RecordId } from '@sdb/protocol';
import { deleteFrom, run, select, update } from '@sdb/ql';
import { resolveClient, type Using } from '../connection.ts';
import { DoesNotExistError, ModelDefinitionError, RecordNotAffectedError, ValidationError } from '../errors.ts';
import { withPatch } from '../query/atomic.ts';
import { assignRow, changedFields, isLoaded, LOADED, loadPlan, type LoadPlan } from '../query/hydrate.ts';
import { QuerySet } from '../query/queryset.ts';
import { runWrite } from '../query/write.ts';
import { isField } from './fields.ts';
import type { FieldMap, InsertOf, PatchOf, RecordOf } from './infer.ts';
import { withDefaults } from './validate.ts';

export interface ModelOptions {
  /** SCHEMAFULL: the table (and save()) refuse fields the model does not declare. Default false. */
  readonly schemafull?: boolean;
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
  /** The root queryset: every record of the table. */
  readonly objects: QuerySet<ModelClass<N, F>>;
}

export type AnyModel = ModelClass<any, any>;
export type FieldsOf<M extends AnyModel> = M['fields'];
export type TableOf<M extends AnyModel> = M['table'];
export type InstanceOf<M extends AnyModel> = M['prototype'];

const RESERVED = new Set(['id', 'save', 'refresh', 'merge', 'delete', 'objects', 'constructor', 'toJSON', 'then', ...Object.getOwnPropertyNames(Object.prototype)]);
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function checkDeclaration(name: string, fields: FieldMap): void {
  if (typeof name !== 'string' || !NAME.test(name)) throw new ModelDefinitionError(`A model name is an identifier (letters, digits, _), got ${JSON.stringify(name)}`);
  for (const [key, fieldDef] of Object.entries(fields)) {
    if (!isField(fieldDef)) throw new ModelDefinitionError(`${name}.${key} is not a field (use f.string(), f.int()...)`);
    if (RESERVED.has(key)) throw new ModelDefinitionError(`${name}.${key}: "${key}" is reserved (an instance method or the record id); rename the field`);
    if (!NAME.test(key) || key.includes('__')) throw new ModelDefinitionError(`${name}.${key}: a field name is an identifier without "__" (the lookup separator)`);
  }
}

function recordOf(instance: { id?: unknown }, model: string, operation: 'save' | 'merge' | 'delete' | 'refresh'): RecordId {
  if (!(instance.id instanceof RecordId)) throw new RecordNotAffectedError(model, operation, `an unsaved ${model}`);
  return instance.id;
}

/** Declares a model: `model('person', { name: f.string(), age: f.int().default(0) }, { schemafull: true })`. */
export function model<const N extends string, const F extends FieldMap>(name: N, fields: F, options: ModelOptions = {}): ModelClass<N, F> {
  checkDeclaration(name, fields);
  const frozenFields = Object.freeze({ ...fields });
  const fieldNames = Object.freeze(Object.keys(frozenFields));
  const plan = loadPlan(frozenFields);

  // Instances loaded from rows are made with Object.create (./hydrate.ts), so they have no
  // private class members: shared logic lives in closures like this one, not in #methods.
  async function write(instance: object, operation: 'save' | 'merge', patch: Record<string, unknown>, using: Using | undefined): Promise<void> {
    const id = recordOf(instance as { id?: unknown }, name, operation);
    for (const key of Object.keys(patch)) {
      if (frozenFields[key]?.config.readonly) throw new ValidationError(name, key, 'readonly', 'the field is read-only once the record exists');
    }
    const [row] = await runWrite(resolveClient(using), withPatch(update<Record<string, unknown>>(id), Model, patch));
    if (row === undefined) throw new RecordNotAffectedError(name, operation, String(id));
    assignRow(instance, row, plan);
  }

  class Model {
    static readonly table = name;
    static readonly fields = frozenFields;
    static readonly fieldNames = fieldNames;
    /** How rows load into instances (./hydrate.ts), computed once. */
    static readonly loadPlan: LoadPlan = plan;
    static readonly schemafull = options.schemafull === true;

    static get objects(): QuerySet<AnyModel> {
      return new QuerySet(Model as unknown as AnyModel);
    }

    constructor(data: Record<string, unknown>) {
      const values = withDefaults(frozenFields, data);
      for (const key of fieldNames) if (values[key] !== undefined) (this as Record<string, unknown>)[key] = values[key];
      if (data.id !== undefined) (this as Record<string, unknown>).id = data.id instanceof RecordId ? data.id : new RecordId(name, data.id as string);
    }

    async save(opts: { using?: Using } = {}): Promise<void> {
      const self = this as unknown as Record<string, unknown>;
      if (!isLoaded(this)) {
        const objects = opts.using === undefined ? Model.objects : Model.objects.using(opts.using);
        const created = await objects.create(self as never);
        assignRow(this, created as unknown as Record<string, unknown>, plan);
        return;
      }
      const changed = changedFields(this, plan);
      if (Object.keys(changed).length === 0) return;
      await write(this, 'save', changed, opts.using);
    }

    async merge(patch: Record<string, unknown>, opts: { using?: Using } = {}): Promise<void> {
      await write(this, 'merge', patch, opts.using);
    }

    async refresh(opts: { using?: Using } = {}): Promise<void> {
      const id = recordOf(this as { id?: unknown }, name, 'refresh');
      const [row] = await run(resolveClient(opts.using), select<Record<string, unknown>>(id));
      if (row === undefined) throw new DoesNotExistError(name, `${String(id)} is gone`);
      assignRow(this, row, plan);
    }

    async delete(opts: { using?: Using } = {}): Promise<void> {
      const id = recordOf(this as { id?: unknown }, name, 'delete');
      const removed = await run(resolveClient(opts.using), deleteFrom(id).return('before'));
      if (removed.length === 0) throw new RecordNotAffectedError(name, 'delete', String(id));
      // As in Django: the instance stays usable as data; save() would create a new record.
      delete (this as { [LOADED]?: unknown; id?: unknown })[LOADED];
      delete (this as { id?: unknown }).id;
    }
  }
  Object.defineProperty(Model, 'name', { value: name });
  return Model as unknown as ModelClass<N, F>;
}
