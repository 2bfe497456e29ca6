/**
 * @module `selectRelated('company')`: the links are loaded in the same SELECT (FETCH) and each
 * fetched record becomes an instance of the link's model, in place of the record id. The
 * instance's `save()` snapshot takes the same instance, so an untouched link is never written
 * back as an object.
 */
import { RecordId } from '@sdb/protocol';
import { QuerySetError } from '../errors.ts';
import { hydrate, LOADED } from '../query/hydrate.ts';
import type { Field, Simplify } from '../schema/fields.ts';
import type { FieldMap, ModelTypes } from '../schema/infer.ts';
import type { AnyModel, FieldsOf, Instance, InstanceOf, ModelClass } from '../schema/model.ts';

type LinkTargetOf<Fd> = Fd extends Field<any, any, any, { readonly linkTarget: infer T }> ? T : never;

/** The names of `M`'s record link fields. */
export type LinkKeys<M extends AnyModel> = { [K in keyof FieldsOf<M> & string]: [LinkTargetOf<FieldsOf<M>[K]>] extends [never] ? never : K }[keyof FieldsOf<M> & string];

/** `M` with the fields of `X` in place of its own (what a queryset's instances hold after loading relations). */
export type WithFields<M extends AnyModel, X extends FieldMap> = M extends ModelClass<infer N, infer F> ? ModelClass<N, Simplify<Omit<F, keyof X> & X>> : never;

/** A link field holding an instance of its target (rebuilt from the table and fields the link keeps: ../schema/infer.ts `LinkedModel`). */
type AsInstance<Fd> = Fd extends Field<any, infer O, infer D, { readonly linkTarget: infer T extends ModelTypes }> ? Field<Instance<T['table'], T['fields']>, O, D, { readonly linkTarget: T }> : Fd;

/** `M` whose links `K` hold instances of their models. */
export type WithRelated<M extends AnyModel, K extends string> = WithFields<M, { [P in K & keyof FieldsOf<M>]: AsInstance<FieldsOf<M>[P]> }>;

/** The link fields named, checked. */
export function checkSelectRelated(model: AnyModel, links: readonly string[]): string[] {
  for (const link of links) {
    const config = typeof link === 'string' && Object.hasOwn(model.fields, link) ? model.fields[link]!.config : undefined;
    if (config?.kind !== 'link') throw new QuerySetError(`selectRelated('${String(link)}'): ${model.table} has no record link "${String(link)}"`);
  }
  return [...links];
}

/** Sets a loaded relation on an instance; a field's snapshot takes the same value, so `save()` sees no change. */
export function setRelated(instance: object, model: AnyModel, name: string, value: unknown): void {
  (instance as Record<string, unknown>)[name] = value;
  const position = model.loadPlan.names.indexOf(name);
  const snapshot = (instance as { [LOADED]?: unknown[] })[LOADED];
  if (position >= 0 && snapshot !== undefined) snapshot[position] = value;
}

/** A fetched record (an object with its id), as opposed to a bare record id or an absent link. */
export function isFetched(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !(value instanceof RecordId) && (value as { id?: unknown }).id instanceof RecordId;
}

/** Turns each fetched link of `instances` into an instance of the link's model. */
export function attachFetched(model: AnyModel, instances: readonly object[], links: readonly string[]): void {
  for (const link of links) {
    const target = model.fields[link]!.config.target!() as AnyModel;
    for (const instance of instances) {
      const value = (instance as Record<string, unknown>)[link];
      if (isFetched(value)) setRelated(instance, model, link, hydrate(target, [value])[0]);
    }
  }
}
