/**
 * @module A patch (plain values and atomic operations, `{ age: f.increment() }`) as the data
 * clause of an UPDATE or UPSERT, checked against the model's fields before it is sent: MERGE for
 * plain values, SET with `+=`, `-=`, `array::concat`, `array::union`, `array::complement` for
 * atomic ones. Loaded with the first write (./write.ts).
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call } from '@sdb/functions/core';
import { coalesce, field, type UpdateQuery } from '@sdb/ql';
import { ValidationError } from '../errors.ts';
import type { AnyField } from '../schema/fields.ts';
import { checkFields, checkValue, type ModelShape } from '../schema/validate.ts';
import { isAtomic, type Atomic } from './atomic.ts';

const NUMERIC = new Set(['int', 'float', 'number', 'decimal', 'any']);

function checkAtomic(model: ModelShape, name: string, fieldDef: AnyField, op: Atomic): void {
  const { kind: fieldKind } = fieldDef.config;
  const numeric = op.kind === 'increment' || op.kind === 'decrement';
  if (numeric ? !NUMERIC.has(fieldKind) : fieldKind !== 'array' && fieldKind !== 'set' && fieldKind !== 'any') {
    throw new ValidationError(model.table, name, 'type', `f.${op.kind}() does not apply to a ${fieldKind} field`);
  }
  if (numeric && typeof op.values[0] !== 'number') throw new ValidationError(model.table, name, 'type', `f.${op.kind}() takes a number`);
  const element = fieldDef.config.of;
  if (element !== undefined) op.values.forEach((value, index) => checkValue(model, `${name}[${index}]`, element, value));
}

/** Checks a patch (plain values and atomic operations) before it is sent; answers whether it holds an atomic operation. */
function checkPatch(model: ModelShape, patch: Record<string, unknown>): boolean {
  const plain: Record<string, unknown> = {};
  let atomicFound = false;
  for (const [name, value] of Object.entries(patch)) {
    if (!isAtomic(value)) {
      plain[name] = value;
      continue;
    }
    const fieldDef = Object.hasOwn(model.fields, name) ? model.fields[name] : undefined;
    if (fieldDef === undefined) throw new ValidationError(model.table, name, 'unknown_field', `${model.table} declares no field "${name}"`);
    checkAtomic(model, name, fieldDef, value);
    atomicFound = true;
  }
  checkFields(model, model.fields, plain, 'partial');
  return atomicFound;
}

/** The patch as the data clause of `query`: MERGE for plain values, SET when it holds an atomic operation. */
export function withPatch<Q extends UpdateQuery<any, any>>(query: Q, model: ModelShape, patch: Record<string, unknown>): Q {
  if (!checkPatch(model, patch)) return query.merge(patch);
  let q = query;
  for (const [name, value] of Object.entries(patch)) {
    if (!isAtomic(value)) {
      q = q.set({ [name]: value });
      continue;
    }
    // An absent array counts as empty, so the first append to a new record works.
    const current = coalesce<unknown[]>(field(name), []);
    switch (value.kind) {
      case 'increment':
        q = q.set(name, '+=', value.values[0]);
        break;
      case 'decrement':
        q = q.set(name, '-=', value.values[0]);
        break;
      case 'append':
        q = q.set({ [name]: call('array::concat', current, value.values) });
        break;
      case 'addToSet':
        q = q.set({ [name]: call('array::union', current, value.values) });
        break;
      case 'remove':
        q = q.set({ [name]: call('array::complement', current, value.values) });
        break;
    }
  }
  return q;
}
