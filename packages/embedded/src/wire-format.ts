/**
 * @module The two encodings the server speaks: CBOR (subprotocol `cbor`, `application/cbor`;
 * the engine's replies are spliced into envelopes untouched) and JSON (subprotocol `json`,
 * `application/json`; values are converted through the sdb codec and `toJSON`).
 */
import { decode, encode } from '@sdb/protocol';
import { isErrorReply } from '@sdb/protocol/transport';
import { errorFrame, resultFrame } from './reply-frames.ts';
import type { RpcErrorPayload } from './rpc-errors.ts';

export type Frame = Uint8Array | string;

export interface WireFormat {
  readonly name: 'cbor' | 'json';
  readonly contentType: string;
  /** Decodes a request frame; throws on malformed input. */
  decode(frame: Uint8Array): unknown;
  /** The envelope for the engine's reply (`{id, result}` or `{id, error}`). */
  reply(id: unknown, engineReply: Uint8Array): Frame;
  /** `{id, result}` for a result the server computed itself. */
  result(id: unknown, value: unknown): Frame;
  /** `{id, error}` for an error the server raised itself. */
  error(id: unknown, error: RpcErrorPayload): Frame;
  /** A live notification frame: `{result: notification}` with no id. */
  notification(notification: unknown): Frame;
}

export const cborFormat: WireFormat = {
  name: 'cbor',
  contentType: 'application/cbor',
  decode: (frame) => decode(frame),
  reply: (id, engineReply) => {
    const idBytes = id === undefined ? undefined : encode(id);
    return isErrorReply(engineReply) ? errorFrame(idBytes, engineReply) : resultFrame(idBytes, engineReply);
  },
  result: (id, value) => encode(id === undefined ? { result: value } : { id, result: value }),
  error: (id, error) => encode(id === undefined ? { error } : { id, error }),
  notification: (notification) => encode({ result: notification }),
};

export const jsonFormat: WireFormat = {
  name: 'json',
  contentType: 'application/json',
  decode: (frame) => JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame)) as unknown,
  reply: (id, engineReply) => {
    const value = decode(engineReply);
    return isErrorReply(engineReply) ? json(id, { error: (value as { error: unknown }).error }) : json(id, { result: value });
  },
  result: (id, value) => json(id, { result: value }),
  error: (id, error) => json(id, { error }),
  notification: (notification) => toJson({ result: notification }),
};

function json(id: unknown, body: { result?: unknown; error?: unknown }): string {
  return toJson(id === undefined ? body : { id, ...body });
}

/** JSON text for any decoded value (value classes serialise through their `toJSON`). */
export function toJson(value: unknown): string {
  return JSON.stringify(value, jsonValue);
}

/** JSON has no NONE and no bigint: NONE becomes null, a bigint its decimal string. */
function jsonValue(_key: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/** The format for a WebSocket subprotocol or an HTTP `Content-Type`; CBOR unless JSON is named. */
export function formatFor(name: string | undefined): WireFormat {
  return name?.includes('json') ? jsonFormat : cborFormat;
}
