/**
 * @module `WsSession`: an extra server session on the client's socket (SurrealDB 3 `attach`),
 * with its own namespace, database, authentication and variables; restored after a reconnect
 * like the socket's own session, and ended by `close()` (`detach`) or `await using`.
 */
import { ConnectionError, type Uuid } from '@sdb/protocol';
import type { Auth } from '@sdb/protocol';
import { WsScope } from './scope.ts';
import type { WsTransport } from './transport.ts';

export interface SessionOptions {
  namespace?: string;
  database?: string;
  auth?: Auth;
  /** Timeout for the `attach`, `use` and auth calls that open the session. */
  timeout?: number;
}

export class WsSession extends WsScope {
  declare readonly sessionId: Uuid;
  #closed = false;

  private constructor(core: WsTransport, session: Uuid) {
    super(core, session);
  }

  /** @internal Use `db.session()`. */
  static async open(core: WsTransport, session: Uuid, options: SessionOptions): Promise<WsSession> {
    const scope = new WsSession(core, session);
    const callOptions = options.timeout === undefined ? {} : { timeout: options.timeout };
    core.trackSession(session, { namespace: undefined, database: undefined, auth: undefined });
    try {
      await scope.attach(session, callOptions);
    } catch (error) {
      core.untrackSession(session);
      throw error;
    }
    try {
      if (options.auth !== undefined) await core.authenticateSession(session, options.auth, callOptions);
      if (options.namespace !== undefined || options.database !== undefined) {
        await scope.use({ namespace: options.namespace, database: options.database }, callOptions);
      }
    } catch (error) {
      await scope.close();
      throw error;
    }
    return scope;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /**
   * Detaches the session (its live queries end with it); later calls in it reject with a
   * `SessionClosedError`. Idempotent; a lost socket already ended it.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // Forgotten first: a session the server may not have detached (socket lost) must not be re-attached by a reconnect.
    this.core.untrackSession(this.sessionId);
    const detached = this.detach(this.sessionId);
    // Marked once `detach` is on its way: every later call in the session fails client-side.
    this.core.closeSession(this.sessionId);
    await detached.catch((error: unknown) => {
      if (!(error instanceof ConnectionError)) throw error;
    });
  }
}
