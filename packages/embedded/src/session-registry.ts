/**
 * @module The server's map of engine sessions to the WebSocket connections that own them, and of
 * live query ids to sessions, so each live notification reaches exactly the socket whose session
 * started the query (KILLED notifications carry no session: they go by live query id).
 */
import { decode, Uuid } from '@sdb/protocol';

/** Where a session's notifications go. */
export interface NotificationSink {
  readonly open: boolean;
  sendNotification(notification: Record<string, unknown>): void;
}

/** One engine session, owned by one connection. */
export class EngineSession {
  /** The engine's id for the session (random; never chosen by a client). */
  readonly id = Uuid.v4();
  /** The id the client named the session with, or undefined for the connection's own session. */
  readonly clientId: Uuid | undefined;
  readonly owner: NotificationSink;
  authenticated: boolean;

  constructor(owner: NotificationSink, clientId: Uuid | undefined, authenticated: boolean) {
    this.owner = owner;
    this.clientId = clientId;
    this.authenticated = authenticated;
  }
}

interface RawNotification {
  id?: unknown;
  action?: unknown;
  session?: unknown;
  [key: string]: unknown;
}

export class SessionRegistry {
  readonly #sessions = new Map<string, EngineSession>();
  readonly #lives = new Map<string, EngineSession>();

  add(session: EngineSession): void {
    this.#sessions.set(session.id.toString(), session);
  }

  /** Forgets a session and the live queries it started (the engine kills them on detach). */
  remove(session: EngineSession): void {
    this.#sessions.delete(session.id.toString());
    for (const [live, owner] of this.#lives) if (owner === session) this.#lives.delete(live);
  }

  /** Remembers which session started live query `liveId`. */
  trackLive(liveId: unknown, session: EngineSession): void {
    if (liveId instanceof Uuid) this.#lives.set(liveId.toString(), session);
  }

  /** Delivers one CBOR notification from the engine to the owning connection, if still open. */
  route(bytes: Uint8Array): void {
    let notification: RawNotification;
    try {
      notification = decode(bytes) as RawNotification;
    } catch {
      return;
    }
    if (!notification || typeof notification !== 'object') return;
    const liveKey = notification.id instanceof Uuid ? notification.id.toString() : undefined;
    const bySession = notification.session instanceof Uuid ? this.#sessions.get(notification.session.toString()) : undefined;
    const session = bySession ?? (liveKey === undefined ? undefined : this.#lives.get(liveKey));
    if (notification.action === 'KILLED' && liveKey !== undefined) this.#lives.delete(liveKey);
    if (!session?.owner.open) return;
    // The client knows its sessions by the ids it chose; the connection's own session has none.
    const { session: _engineSession, ...rest } = notification;
    session.owner.sendNotification(session.clientId ? { ...rest, session: session.clientId } : rest);
  }
}
