/**
 * @module One socket's lifetime: open it (with a deadline), send CBOR request frames, match
 * reply frames to their requests, hand live notifications on, and reject whatever is pending
 * the moment it closes. Reconnection is the transport's business, not this file's.
 */
import {
  ConnectionClosedError,
  ConnectionError,
  FrameTooLargeError,
  ProtocolError,
  SdbError,
  decode,
  encode,
  type LiveNotification,
  type Uuid,
} from '@sdb/protocol';
import { isLiveNotification, parseLiveNotification, type TlsOptions } from '@sdb/protocol/transport';
import { RequestManager, type Recovery } from './request-manager.ts';
import { OPEN, type SocketLike, type WebSocketConstructor } from './socket.ts';

export interface FrameOptions {
  signal?: AbortSignal | undefined;
  session?: Uuid | undefined;
  txn?: Uuid | undefined;
}

/** What the socket is opened with beyond its URL (`connect`'s `tls` and `maxFrameBytes`). */
export interface SocketSettings {
  tls?: TlsOptions | undefined;
  /** Largest frame either way, in bytes (default `Infinity`). */
  maxFrameBytes?: number;
}

export interface ConnectionHandlers {
  notification(notification: LiveNotification): void;
  /** The socket closed (or was dropped); called once. */
  closed(code: number | undefined, reason: string): void;
  error(error: Error): void;
}

export class Connection {
  readonly #socket: SocketLike;
  readonly #requests = new RequestManager();
  readonly #handlers: ConnectionHandlers;
  readonly #maxFrameBytes: number;
  #open = true;
  #lastFrameAt = 0;
  /** A text frame is passed on as a string, which `#receive` refuses as it does in browsers. */
  readonly #onFrame = (data: unknown, isBinary?: boolean) => this.#receive(isBinary === false ? String(data) : data);

  private constructor(socket: SocketLike, handlers: ConnectionHandlers, maxFrameBytes: number) {
    this.#socket = socket;
    this.#handlers = handlers;
    this.#maxFrameBytes = maxFrameBytes;
    // `ws` (an EventEmitter) hands a frame's bytes straight to a 'message' listener; its
    // `onmessage` builds a MessageEvent around every frame first (~1 µs per call at load).
    if (typeof socket.on === 'function') socket.on('message', this.#onFrame);
    else socket.onmessage = (event) => this.#receive(event.data);
    socket.onclose = (event) => this.#closed(event.code, event.reason || 'the server closed the connection');
    socket.onerror = () => undefined;
  }

  /** Opens a socket speaking CBOR RPC; rejects with a `ConnectionError` when it cannot within `timeout` ms. */
  static open(url: string, Impl: WebSocketConstructor, timeout: number, handlers: ConnectionHandlers, settings: SocketSettings = {}): Promise<Connection> {
    return new Promise((resolve, reject) => {
      let socket: SocketLike;
      try {
        socket = (settings.tls ? new Impl(url, ['cbor'], { ca: settings.tls.ca }) : new Impl(url, ['cbor'])) as SocketLike;
      } catch (error) {
        reject(new ConnectionError(`Could not open a WebSocket to ${url}`, { cause: error }));
        return;
      }
      // The WHATWG default (Blob) would need an async read per frame; `ws` already hands Uint8Array Buffers.
      if (socket.binaryType === 'blob') socket.binaryType = 'arraybuffer';
      const fail = (message: string, cause?: unknown) => {
        clearTimeout(timer);
        socket.onopen = socket.onclose = socket.onerror = null;
        drop(socket);
        reject(new ConnectionError(message, cause === undefined ? undefined : { cause }));
      };
      const timer = setTimeout(() => fail(`Could not connect to ${url} within ${timeout} ms`), timeout);
      socket.onerror = (event) => {
        const cause = errorOf(event);
        fail(`Could not connect to ${url}${cause ? `: ${cause.message}` : ''}`, cause);
      };
      socket.onclose = (event) => fail(`Could not connect to ${url}: the server closed the connection (code ${event.code}${event.reason ? `, ${event.reason}` : ''})`);
      socket.onopen = () => {
        clearTimeout(timer);
        socket.onopen = null;
        // A server that picked no subprotocol would read our CBOR frames as something else.
        if (socket.protocol !== 'cbor' && socket.protocol !== '') {
          fail(`${url} answered with the WebSocket subprotocol ${JSON.stringify(socket.protocol)}, not cbor`);
          return;
        }
        resolve(new Connection(socket, handlers, settings.maxFrameBytes ?? Infinity));
      };
    });
  }

  /** `performance.now()` when the last frame arrived: any frame proves the peer is alive. */
  get lastFrameAt(): number {
    return this.#lastFrameAt;
  }

  get isOpen(): boolean {
    return this.#open;
  }

  /** Requests waiting for their reply. */
  get pending(): number {
    return this.#requests.size;
  }

  /**
   * Sends one request; settles with its result, or rejects typed (server error, timeout, abort,
   * close) unless `recovery` answers another attempt (a closed socket is not worth one).
   */
  request(method: string, params: readonly unknown[], timeout: number, options: FrameOptions, recovery?: Recovery): Promise<unknown> {
    if (!this.#open || this.#socket.readyState !== OPEN) {
      return Promise.reject(new ConnectionClosedError(`${method}: the connection is closed`));
    }
    const slot = this.#requests.open(method, timeout, options.signal, recovery);
    const frame: Record<string, unknown> = { id: slot.id, method, params };
    if (options.session !== undefined) frame.session = options.session;
    if (options.txn !== undefined) frame.txn = options.txn;
    try {
      const bytes = encode(frame);
      if (bytes.length > this.#maxFrameBytes) {
        throw new FrameTooLargeError(bytes.length, this.#maxFrameBytes, `${method}: the request is ${bytes.length} bytes, over maxFrameBytes (${this.#maxFrameBytes}); nothing was sent`);
      }
      this.#socket.send(bytes);
    } catch (error) {
      this.#requests.fail(slot.id, error instanceof SdbError ? error : new ConnectionError(`${method}: the request could not be sent`, { cause: error }));
    }
    return slot.promise;
  }

  /**
   * Drops the socket now, without waiting for a close handshake a dead peer will never answer:
   * pending calls reject and `closed` fires at once.
   */
  drop(reason: string): void {
    if (!this.#open) return;
    drop(this.#socket);
    this.#closed(undefined, reason);
  }

  /** Closes cleanly (code 1000); pending calls reject with a `ConnectionClosedError`. */
  close(): void {
    if (!this.#open) return;
    try {
      this.#socket.close(1000, 'client closed');
    } catch {
      drop(this.#socket);
    }
    this.#closed(1000, 'client closed');
  }

  #receive(data: unknown): void {
    this.#lastFrameAt = performance.now();
    let frame: unknown;
    try {
      const bytes = bytesOf(data);
      if (bytes.length > this.#maxFrameBytes) {
        this.drop(`a frame of ${bytes.length} bytes arrived, over maxFrameBytes (${this.#maxFrameBytes})`);
        return;
      }
      frame = decode(bytes);
    } catch (error) {
      this.#handlers.error(error instanceof Error ? error : new ProtocolError('An undecodable frame arrived'));
      return;
    }
    if (typeof frame !== 'object' || frame === null) return;
    const { id } = frame as { id?: unknown };
    if (id !== undefined && id !== null) {
      // A reply for a call that timed out, was aborted, or never existed: nobody waits for it.
      this.#requests.settle(id, frame as { result?: unknown; error?: unknown });
      return;
    }
    if (isLiveNotification(frame)) {
      let notification: LiveNotification;
      try {
        notification = parseLiveNotification(frame.result);
      } catch (error) {
        this.#handlers.error(error as Error);
        return;
      }
      this.#handlers.notification(notification);
    }
  }

  #closed(code: number | undefined, reason: string): void {
    if (!this.#open) return;
    this.#open = false;
    this.#socket.onmessage = null;
    this.#socket.off?.('message', this.#onFrame);
    this.#socket.onclose = null;
    this.#requests.rejectAll(() => new ConnectionClosedError(`The connection closed before the server answered (${reason})`));
    this.#handlers.closed(code, reason);
  }
}

function bytesOf(data: unknown): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (data instanceof Uint8Array) return data;
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  throw new ProtocolError('A text frame arrived on a CBOR connection');
}

/**
 * Why a socket failed to open, from its error event: `ws` (Node) gives the underlying error
 * (ECONNREFUSED, ENOTFOUND, "Unexpected server response: 404"); browsers give no reason at all.
 */
function errorOf(event: unknown): Error | undefined {
  const { error, message } = (event ?? {}) as { error?: unknown; message?: unknown };
  if (error instanceof Error) return error;
  return typeof message === 'string' && message !== '' ? new Error(message) : undefined;
}

/** Ends a socket at once: `terminate` where the implementation has it (ws), else a close. */
function drop(socket: SocketLike): void {
  socket.onopen = socket.onmessage = socket.onclose = null;
  // Late socket errors after a drop have nobody to tell; keep them from being unhandled.
  socket.onerror = () => undefined;
  try {
    if (typeof socket.terminate === 'function') socket.terminate();
    else socket.close(4000, 'dropped');
  } catch {
    // Already closed or closing: nothing more to do.
  }
}
