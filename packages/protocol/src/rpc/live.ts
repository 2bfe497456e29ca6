/**
 * @module Live query notifications as the server pushes them, and how transports recognise them.
 */
import type { RecordId } from '../values/record-id.ts';
import { Uuid } from '../values/uuid.ts';
import { ProtocolError } from './client-errors.ts';

export type LiveAction = 'CREATE' | 'UPDATE' | 'DELETE' | 'KILLED';

export interface LiveNotification<T = unknown> {
  /** The live query id returned by `live` or `LIVE SELECT`. */
  id: Uuid;
  action: LiveAction;
  /** The record the notification is about (absent for KILLED). */
  record: RecordId | undefined;
  result: T;
  /** The server session the live query belongs to, when the server says. */
  session?: Uuid;
}

const ACTIONS: ReadonlySet<string> = new Set<LiveAction>(['CREATE', 'UPDATE', 'DELETE', 'KILLED']);

/** A frame the server pushes for a live query: no request `id`, and a notification as `result`. */
export interface LiveNotificationFrame {
  id?: null;
  result: LiveNotification;
  /** SurrealDB 3 also names the live query's session on the frame. */
  session?: Uuid;
}

/**
 * Whether a decoded frame is a live notification rather than a reply: it has no request `id`
 * and its `result` carries a Uuid `id` and a known `action`.
 */
export function isLiveNotification(frame: unknown): frame is LiveNotificationFrame {
  if (typeof frame !== 'object' || frame === null) return false;
  const { id, result } = frame as { id?: unknown; result?: unknown };
  return (id === undefined || id === null) && isNotification(result);
}

/**
 * A notification object (a frame's `result`, or what the embedded engine's receiver yields) as a
 * `LiveNotification`; throws a `ProtocolError` when it is not one.
 */
export function parseLiveNotification(value: unknown): LiveNotification {
  if (!isNotification(value)) throw new ProtocolError('Not a live notification: expected {id: uuid, action, record, result}');
  const { id, action, record, result, session } = value as unknown as LiveNotification;
  return session === undefined || session === null ? { id, action, record, result } : { id, action, record, result, session };
}

function isNotification(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const { id, action } = value as { id?: unknown; action?: unknown };
  return id instanceof Uuid && typeof action === 'string' && ACTIONS.has(action);
}
