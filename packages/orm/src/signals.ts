/**
 * @module Signals (hooks): `Person.hooks.on('preSave', fn)` for one model, `hooks.on('preSave',
 * fn)` for every model. Instance writes fire them: `save()` (and `objects.create()`, which saves
 * a new instance) `preSave`/`postSave`, `merge()` `preUpdate`/`postUpdate`, `delete()`
 * `preDelete`/`postDelete`. Handlers run one after the other, awaited, in the order they were
 * registered (model and global handlers in one list); a throw stops the chain and the write, and
 * reaches the caller. Each handler gets the client the write runs on (`using`: a transaction's
 * `tx` inside one), so what it writes through it is part of the same transaction.
 */
import type { RecordId } from '@sdb/protocol';
import type { OrmClient } from './connection.ts';
import { ModelDefinitionError } from './errors.ts';

export type HookEvent = 'preSave' | 'postSave' | 'preUpdate' | 'postUpdate' | 'preDelete' | 'postDelete';

const EVENTS: ReadonlySet<string> = new Set<HookEvent>(['preSave', 'postSave', 'preUpdate', 'postUpdate', 'preDelete', 'postDelete']);

/** What every handler receives. */
export interface HookContext<I> {
  /** The model class of the instance. */
  readonly model: { readonly table: string };
  readonly instance: I;
  /** The client the write runs on: inside a transaction, its `tx`; write through it to stay in that transaction. */
  readonly using: OrmClient;
}

/** The event each hook receives: `created` on save, the `patch` (which a pre-hook may change) on update, the `id` on delete. */
export interface HookPayloads<I, P> {
  preSave: HookContext<I> & { readonly created: boolean };
  postSave: HookContext<I> & { readonly created: boolean };
  preUpdate: HookContext<I> & { readonly patch: P };
  postUpdate: HookContext<I> & { readonly patch: P };
  preDelete: HookContext<I> & { readonly id: RecordId };
  postDelete: HookContext<I> & { readonly id: RecordId };
}

export type HookHandler<E extends HookEvent, I, P> = (event: HookPayloads<I, P>[E]) => void | Promise<void>;

interface Entry {
  readonly event: HookEvent;
  /** The model it listens to; `undefined` for a global handler. */
  readonly model: object | undefined;
  readonly handler: (event: never) => void | Promise<void>;
}

let entries: readonly Entry[] = [];

/** Registers handlers for one model (`Model.hooks`) or, without a model, for all of them (`hooks`). */
export class Hooks<I = unknown, P = Record<string, unknown>> {
  readonly #model: object | undefined;

  constructor(model?: object) {
    this.#model = model;
    Object.freeze(this);
  }

  /** Adds `handler` for `event` after those already registered; answers a function that removes it again. */
  on<E extends HookEvent>(event: E, handler: HookHandler<E, I, P>): () => void {
    if (!EVENTS.has(event)) throw new ModelDefinitionError(`Unknown hook event ${JSON.stringify(event)} (events: ${[...EVENTS].join(', ')})`);
    if (typeof handler !== 'function') throw new ModelDefinitionError(`hooks.on('${event}', handler) takes a function`);
    const entry: Entry = { event, model: this.#model, handler: handler as Entry['handler'] };
    // A new array each time: a chain already running keeps the list it started with.
    entries = [...entries, entry];
    return () => {
      entries = entries.filter((e) => e !== entry);
    };
  }
}

/** An instance of any model, as global handlers see it: an id (once saved) and fields. */
export interface AnyInstance {
  readonly id?: RecordId;
  readonly [field: string]: unknown;
}

/** Handlers for every model: `hooks.on('postSave', ({ model, instance }) => ...)`. */
export const hooks: Hooks<AnyInstance, Record<string, unknown>> = /* @__PURE__ */ new Hooks();

/** Runs the handlers for `event` on `model`, one after the other; the first throw stops them and propagates. */
export async function fireHooks<E extends HookEvent>(model: object, event: E, payload: HookPayloads<unknown, Record<string, unknown>>[E]): Promise<void> {
  for (const entry of entries) {
    if (entry.event === event && (entry.model === undefined || entry.model === model)) await (entry.handler as (event: unknown) => unknown)(payload);
  }
}
