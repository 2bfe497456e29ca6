/**
 * @module Live query notifications as the server pushes them.
 */
import type { RecordId } from '../values/record-id.ts';
import type { Uuid } from '../values/uuid.ts';

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
