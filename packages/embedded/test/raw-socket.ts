/**
 * @module A deliberately raw WebSocket client for the server tests: it sends hand-made frames
 * (including malformed ones) and collects every frame the server sends back, decoded with the
 * sdb codec. Real clients are @sdb/ws and the official SDK; this one exists to poke at the wire.
 */
import { decode, encode } from '@sdb/protocol';
import WebSocket from 'ws';

export interface Frame {
  id?: unknown;
  result?: unknown;
  error?: { code: number; message: string; kind?: string };
}

export class RawSocket {
  readonly frames: Frame[] = [];
  /** Resolves the close code once the connection is closed, by either side. */
  readonly closed: Promise<number>;
  readonly #socket: WebSocket;
  readonly #waiters = new Set<() => void>();
  #nextId = 0;

  private constructor(socket: WebSocket) {
    this.#socket = socket;
    this.closed = new Promise((resolve) => socket.once('close', (code: number) => resolve(code)));
    socket.on('message', (data: Buffer, isBinary: boolean) => {
      this.frames.push((isBinary ? decode(new Uint8Array(data)) : JSON.parse(data.toString())) as Frame);
      for (const wake of this.#waiters) wake();
    });
  }

  static open(url: string, protocol = 'cbor'): Promise<RawSocket> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, protocol);
      socket.once('open', () => resolve(new RawSocket(socket)));
      socket.once('error', reject);
    });
  }

  get protocol(): string {
    return this.#socket.protocol;
  }

  /** Sends bytes or text exactly as given. */
  sendRaw(data: Uint8Array | string): void {
    this.#socket.send(data);
  }

  /** Sends one request and resolves its response frame (`{id, result}` or `{id, error}`). */
  async call(method: string, params: unknown[] = [], extra: Record<string, unknown> = {}): Promise<Frame> {
    const id = `r${++this.#nextId}`;
    this.#socket.send(encode({ id, method, params, ...extra }));
    return this.next((frame) => frame.id === id);
  }

  /** Like `call`, but resolves the result and throws the RPC error message. */
  async result(method: string, params: unknown[] = [], extra: Record<string, unknown> = {}): Promise<unknown> {
    const frame = await this.call(method, params, extra);
    if (frame.error) throw new Error(`${method}: ${frame.error.message}`);
    return frame.result;
  }

  /** The first frame (already received or yet to come) matching `match`, removed from `frames`. */
  next(match: (frame: Frame) => boolean, timeout = 5000): Promise<Frame> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const index = this.frames.findIndex(match);
        if (index < 0) return false;
        const [frame] = this.frames.splice(index, 1);
        this.#waiters.delete(check);
        clearTimeout(timer);
        resolve(frame as Frame);
        return true;
      };
      const timer = setTimeout(() => {
        this.#waiters.delete(check);
        reject(new Error('no matching frame arrived'));
      }, timeout);
      if (!check()) this.#waiters.add(check);
    });
  }

  /** Live notification frames received so far (no id, a `result` with an `action`). */
  notifications(): Record<string, unknown>[] {
    return this.frames.filter((frame) => frame.id === undefined && isNotification(frame.result)).map((frame) => frame.result as Record<string, unknown>);
  }

  /** The next live notification frame's payload. */
  async notification(timeout = 5000): Promise<Record<string, unknown>> {
    const frame = await this.next((candidate) => candidate.id === undefined && isNotification(candidate.result), timeout);
    return frame.result as Record<string, unknown>;
  }

  close(): Promise<void> {
    if (this.#socket.readyState === WebSocket.CLOSED) return Promise.resolve();
    this.#socket.close();
    return this.closed.then(() => undefined);
  }

  /** Drops the TCP connection without a close handshake. */
  terminate(): void {
    this.#socket.terminate();
  }
}

function isNotification(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'action' in value;
}
