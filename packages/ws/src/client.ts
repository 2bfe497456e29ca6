/**
 * @module `WsClient`: what `connect` answers. Every RPC method (from `RpcClient`), live
 * subscriptions, transactions, extra server sessions, connection events; also a `Transport`.
 */
import { Uuid } from '@sdb/protocol';
import type { EventName, Listener } from './events.ts';
import { WsScope } from './scope.ts';
import { WsSession, type SessionOptions } from './session.ts';
import type { ConnectionStatus, WsTransport } from './transport.ts';

export class WsClient extends WsScope {
  constructor(core: WsTransport) {
    super(core, undefined);
  }

  /** The RPC endpoint, e.g. `ws://127.0.0.1:8000/rpc`. */
  get url(): string {
    return this.core.url;
  }

  /** `connecting`, `open`, `reconnecting` or `closed`. */
  get status(): ConnectionStatus {
    return this.core.status;
  }

  /** Calls sent and waiting for their reply on the current socket. */
  get pending(): number {
    return this.core.pending;
  }

  /** Listens to a connection event; returns the function that stops listening. */
  on<K extends EventName>(event: K, listener: Listener<K>): () => void {
    return this.core.events.on(event, listener);
  }

  /**
   * Opens an extra server session on this socket (SurrealDB 3 `attach`) with its own namespace,
   * database, authentication and variables. Close it with `close()` or `await using`.
   */
  session(options: SessionOptions = {}): Promise<WsSession> {
    return WsSession.open(this.core, Uuid.v4(), options);
  }

  /** Closes the socket for good: pending calls reject with `ConnectionClosedError`, subscriptions end. */
  close(): Promise<void> {
    return this.core.close();
  }
}
