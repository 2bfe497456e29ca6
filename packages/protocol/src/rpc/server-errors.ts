/**
 * @module Server errors: the ServerError subclass for each SurrealDB 3 error `kind`, the schema
 * violations the engine sends as `Internal` (recognised by message), `ServerError.from` that
 * picks among them, and `StatementError`, one failed statement of a query.
 */
import * as messages from './engine-messages.ts';
import { SdbError, errorBrand, errorClass } from './errors.ts';

/** An RPC error object as the server sends it: `{code, message, kind?, details?, cause?}`. */
export interface RpcErrorPayload {
  code: number;
  message: string;
  /** SurrealDB 3 error kind, e.g. `NotAllowed`; absent from older servers. */
  kind?: string;
  /** Structured detail, `{kind, details?}`, e.g. `{kind: 'Auth', details: {kind: 'TokenExpired'}}`. */
  details?: unknown;
  /** The error that caused this one (SurrealDB 3 error chaining). */
  cause?: RpcErrorPayload;
}

/** An RPC error response from the server. Subclassed by `kind`; an unknown kind stays a plain ServerError. */
export class ServerError extends SdbError {
  static override readonly [errorBrand]: string = 'ServerError';
  /** JSON-RPC style code, e.g. -32000 (internal), -32602 (method not allowed), -32006 (thrown). */
  declare readonly code: number;
  /** The SurrealDB 3 error kind as the server gave it (`Internal` when it gave none). */
  declare readonly kind: string;
  /** Structured detail `{kind, details?}` as the server gave it, if any. */
  declare readonly details: unknown;
  /** The HTTP status the answer came with, when it came over HTTP (@sdb/http); undefined otherwise. */
  declare readonly status?: number;

  constructor(payload: RpcErrorPayload, options?: { cause?: unknown }) {
    // The payload comes off the wire: read each field only when it has the right type.
    const { code, message, kind, details } = payload as Partial<Record<keyof RpcErrorPayload, unknown>>;
    super(typeof message === 'string' ? message : 'The server answered with an error', options);
    this.code = typeof code === 'number' ? code : -32000;
    this.kind = typeof kind === 'string' ? kind : 'Internal';
    this.details = details;
  }

  /**
   * The detail's own kind, e.g. `Parse`, `Auth`, `Table`, `Record`, `TimedOut`, `Method`:
   * what exactly went wrong within `kind`.
   */
  get reason(): string | undefined {
    // SurrealDB 3.0.2 sends parse errors with no details: their message says what they are.
    return detailKind(this.details) ?? (this.kind === 'Validation' && this.message.startsWith(messages.PARSE_ERROR_PREFIX) ? 'Parse' : undefined);
  }

  /**
   * The error class for an RPC error payload: by its `kind`, or for a schema violation (kind
   * `Internal`), by its message. Chained causes become ServerErrors too.
   */
  static from(payload: RpcErrorPayload): ServerError {
    // Off the wire anything may come; a bare string is taken as the message.
    if (typeof payload !== 'object' || payload === null) payload = { message: payload } as never;
    const { kind, cause, message } = payload;
    const Kind =
      ((kind === undefined || kind === 'Internal') && typeof message === 'string' && VIOLATIONS.find(([pattern]) => pattern.test(message))?.[1]) ||
      (typeof kind === 'string' && Object.hasOwn(KINDS, kind) && KINDS[kind]) ||
      ServerError;
    return new Kind(payload, typeof cause === 'object' && cause !== null ? { cause: ServerError.from(cause) } : undefined);
  }
}

/** The ServerError subclass for each SurrealDB 3 error kind, filled in below. */
const KINDS: Record<string, typeof ServerError> = {};

/** The subclass for the error kind `kind`, named `<kind>Error` unless `brand` says otherwise. */
function kindError(kind: string, brand = `${kind}Error`): typeof ServerError {
  return (KINDS[kind] = errorClass(ServerError, brand));
}

/** Kind `Validation`: parse errors, invalid requests or params, invalid content or merge values. */
export const ValidationError = kindError('Validation');
export type ValidationError = ServerError;
/** Kind `Configuration`: a feature or configuration the server does not support (e.g. live queries). */
export const ConfigurationError = kindError('Configuration');
export type ConfigurationError = ServerError;
/** Kind `Query`: a query that was not executed, timed out, was cancelled, or hit a transaction conflict. */
export const QueryError = kindError('Query');
export type QueryError = ServerError;
/** Kind `Serialization`: the server could not serialise or deserialise a value. */
export const SerializationError = kindError('Serialization');
export type SerializationError = ServerError;
/** Kind `NotFound`: a method, session, table, record, namespace, database or transaction that does not exist. */
export const NotFoundError = kindError('NotFound');
export type NotFoundError = ServerError;
/** Kind `AlreadyExists`: a session, table, record, namespace or database that already exists. */
export const AlreadyExistsError = kindError('AlreadyExists');
export type AlreadyExistsError = ServerError;
/** Kind `Connection`: the engine reports a connection-state problem (uninitialised, already connected). */
export const ServerConnectionError = kindError('Connection', 'ServerConnectionError');
export type ServerConnectionError = ServerError;
/** Kind `Thrown`: a `THROW` in SurrealQL; the message is what was thrown. */
export const ThrownError = kindError('Thrown');
export type ThrownError = ServerError;
/** Kind `Internal`: an unexpected server error. */
export const InternalError = kindError('Internal');
export type InternalError = ServerError;

/** Kind `NotAllowed`: authentication failures, missing permissions, disallowed methods, functions or net targets. */
export class NotAllowedError extends ServerError {
  static override readonly [errorBrand]: string = 'NotAllowedError';

  /** For auth failures, the auth reason: `TokenExpired`, `SessionExpired`, `InvalidAuth`, `InvalidPass`, ... */
  get authReason(): string | undefined {
    const details = this.details as { kind?: unknown; details?: unknown } | undefined;
    return details?.kind === 'Auth' ? detailKind(details.details) : undefined;
  }
}
KINDS.NotAllowed = NotAllowedError;

/**
 * A write the table's schema refused. SurrealDB 3.0.2 sends these as kind `Internal` with no
 * details; `ServerError.from` recognises each subclass by its message (see engine-messages.ts),
 * whose parts become the error's properties. Values and record ids are SurrealQL text as the
 * engine printed them (`'a@x'`, `[1, 2]`, `person:1`).
 */
export const SchemaViolationError = errorClass(ServerError, 'SchemaViolationError');
export type SchemaViolationError = ServerError;

/** Each violation class with the message it is recognised by, filled in by `violationClass`. */
const VIOLATIONS: [RegExp, typeof ServerError][] = [];

type ViolationClass<Props> = new (payload: RpcErrorPayload, options?: { cause?: unknown }) => ServerError & Readonly<Props>;

/** A SchemaViolationError subclass recognised by `pattern`, whose named groups become its properties. */
function violationClass<Props>(brand: string, pattern: RegExp): ViolationClass<Props> {
  const Class = class extends (SchemaViolationError as typeof ServerError) {
    static override readonly [errorBrand]: string = brand;
    constructor(payload: RpcErrorPayload, options?: { cause?: unknown }) {
      super(payload, options);
      Object.assign(this, pattern.exec(this.message)?.groups);
    }
  };
  Object.defineProperty(Class, 'name', { value: brand });
  VIOLATIONS.push([pattern, Class]);
  return Class as unknown as ViolationClass<Props>;
}

/** A `UNIQUE` index already holds `value` (an array for a composite index), in `existingRecord`. */
export const UniqueViolationError = violationClass<{ index: string; value: string; existingRecord: string }>('UniqueViolationError', messages.UNIQUE_VIOLATION);
export type UniqueViolationError = InstanceType<typeof UniqueViolationError>;
/**
 * A value does not coerce to the field's `TYPE`: `expected` is the type, `found` the value
 * (undefined when the engine reports a wrong array length instead; the message says it).
 */
export const FieldTypeError = violationClass<{ field: string; record: string; expected: string; found: string | undefined }>('FieldTypeError', messages.FIELD_TYPE);
export type FieldTypeError = InstanceType<typeof FieldTypeError>;
/** A value fails the field's `ASSERT`: `assertion` is the clause, `value` the value it was given. */
export const FieldAssertionError = violationClass<{ field: string; record: string; value: string; assertion: string }>('FieldAssertionError', messages.FIELD_ASSERTION);
export type FieldAssertionError = InstanceType<typeof FieldAssertionError>;
/** A write changed a `READONLY` field of an existing record. */
export const ReadOnlyFieldError = violationClass<{ field: string; record: string }>('ReadOnlyFieldError', messages.READ_ONLY_FIELD);
export type ReadOnlyFieldError = InstanceType<typeof ReadOnlyFieldError>;
/** A `SCHEMAFULL` table got a field it does not define. */
export const UnknownFieldError = violationClass<{ field: string; table: string }>('UnknownFieldError', messages.UNKNOWN_FIELD);
export type UnknownFieldError = InstanceType<typeof UnknownFieldError>;
/** A plain record written to a `TYPE RELATION` table, or a relation to a `TYPE NORMAL` one: `expected` is `RELATION` or `NORMAL`. */
export const TableTypeError = violationClass<{ record: string; expected: string }>('TableTypeError', messages.TABLE_TYPE);
export type TableTypeError = InstanceType<typeof TableTypeError>;
/** A `DELETE` refused because `referencedBy` points at `record` through a `REFERENCE ON DELETE REJECT` field. */
export const DeleteRejectedError = violationClass<{ record: string; referencedBy: string }>('DeleteRejectedError', messages.DELETE_REJECTED);
export type DeleteRejectedError = InstanceType<typeof DeleteRejectedError>;

/**
 * One failed statement of a `query` call: `cause` is the ServerError subclass `ServerError.from`
 * picks for it, e.g. a `UniqueViolationError`.
 */
export class StatementError extends SdbError {
  static override readonly [errorBrand]: string = 'StatementError';
  declare readonly cause: ServerError;
  /** Zero-based index of the statement in the query. */
  declare readonly index: number;
  /** The SurrealDB 3 error kind of the failure (`Internal` when the server gave none). */
  declare readonly kind: string;
  /** Structured detail `{kind, details?}` as the server gave it, if any. */
  declare readonly details: unknown;

  constructor(index: number, payload: Omit<RpcErrorPayload, 'code'> & { code?: number }) {
    super(payload.message, { cause: ServerError.from({ code: -32000, ...payload }) });
    this.index = index;
    this.kind = payload.kind ?? 'Internal';
    this.details = payload.details;
  }
}

function detailKind(details: unknown): string | undefined {
  if (typeof details === 'string') return details;
  const kind = (details as { kind?: unknown } | null | undefined)?.kind;
  return typeof kind === 'string' ? kind : undefined;
}
