import { describe, expect, it, vi } from 'vitest';
import {
  AlreadyExistsError,
  CborError,
  ConnectionClosedError,
  ConnectionError,
  DeleteRejectedError,
  FieldAssertionError,
  FieldTypeError,
  InternalError,
  NotAllowedError,
  NotFoundError,
  ProtocolError,
  QueryError,
  ReadOnlyFieldError,
  RequestAbortedError,
  SchemaViolationError,
  SdbError,
  ServerError,
  StatementError,
  TableTypeError,
  ThrownError,
  TimeoutError,
  UniqueViolationError,
  UnknownFieldError,
  ValidationError,
} from '../src/index.ts';
import { errorBrand } from '../src/transport.ts';

describe('ServerError.from picks the subclass for the SurrealDB 3 error kind', () => {
  const cases = [
    ['Validation', ValidationError],
    ['NotAllowed', NotAllowedError],
    ['NotFound', NotFoundError],
    ['AlreadyExists', AlreadyExistsError],
    ['Thrown', ThrownError],
    ['Query', QueryError],
    ['Internal', InternalError],
  ] as const;

  for (const [kind, Class] of cases) {
    it(`kind ${kind} -> ${Class.name}`, () => {
      const error = ServerError.from({ code: -32000, message: 'boom', kind });
      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(ServerError);
      expect(error).toBeInstanceOf(SdbError);
      expect(error).toBeInstanceOf(Error);
      expect(error.name).toBe(Class.name);
      expect(error.kind).toBe(kind);
      expect(error.message).toBe('boom');
    });
  }

  it('keeps code, message and details as the server gave them', () => {
    const details = { kind: 'Table', details: { name: 'person' } };
    const error = ServerError.from({ code: -32000, message: "The table 'person' does not exist", kind: 'NotFound', details });
    expect(error.code).toBe(-32000);
    expect(error.message).toBe("The table 'person' does not exist");
    expect(error.details).toEqual(details);
    expect(error.reason).toBe('Table');
  });

  it('an unknown kind is a plain ServerError that keeps the kind string', () => {
    const error = ServerError.from({ code: -32099, message: 'new in 4.0', kind: 'Quantum' });
    expect(error.constructor).toBe(ServerError);
    expect(error.kind).toBe('Quantum');
    expect(error).not.toBeInstanceOf(InternalError);
  });

  it('no kind (a pre-3.0 server) is a plain ServerError of kind Internal', () => {
    const error = ServerError.from({ code: -32000, message: 'old server' });
    expect(error.constructor).toBe(ServerError);
    expect(error.kind).toBe('Internal');
  });

  it('a kind named like an Object.prototype member is not looked up there', () => {
    expect(ServerError.from({ code: 1, message: 'x', kind: 'constructor' }).constructor).toBe(ServerError);
  });

  it('a malformed payload off the wire still gives a usable ServerError', () => {
    const fromString = ServerError.from('Method not found' as never);
    expect(fromString.message).toBe('Method not found');
    const garbage = ServerError.from({ code: 'x', message: 42, kind: ['NotFound'] } as never);
    expect(garbage.constructor).toBe(ServerError);
    expect(garbage).toMatchObject({ code: -32000, kind: 'Internal', message: 'The server answered with an error' });
  });

  it('chained causes become ServerErrors too', () => {
    const error = ServerError.from({
      code: -32000,
      message: 'outer',
      kind: 'Internal',
      cause: { code: -32000, message: 'inner', kind: 'NotFound' },
    });
    expect(error.cause).toBeInstanceOf(NotFoundError);
    expect((error.cause as Error).message).toBe('inner');
  });

  it('NotAllowedError names the auth reason', () => {
    const error = ServerError.from({
      code: -32002,
      message: 'The token has expired',
      kind: 'NotAllowed',
      details: { kind: 'Auth', details: { kind: 'TokenExpired' } },
    });
    expect(error).toBeInstanceOf(NotAllowedError);
    expect((error as NotAllowedError).authReason).toBe('TokenExpired');
    expect(error.reason).toBe('Auth');
  });
});

describe('schema violations, sent by SurrealDB 3.0.2 as kind Internal, are recognised by their message', () => {
  // The messages as the 3.0.2 engine words them; packages/embedded/test/schema-errors.test.ts provokes each one for real.
  const cases = [
    [
      'Database index `email_unique` already contains \'a@x\', with record `person:1`',
      UniqueViolationError,
      { index: 'email_unique', value: "'a@x'", existingRecord: 'person:1' },
    ],
    [
      "Couldn't coerce value for field `age` of `person:2`: Expected `int` but found `'old'`",
      FieldTypeError,
      { field: 'age', record: 'person:2', expected: 'int', found: "'old'" },
    ],
    [
      "Couldn't coerce value for field `pair` of `t:3`: Expected `array<int,2>` but found a collection of length `3`",
      FieldTypeError,
      { field: 'pair', record: 't:3', expected: 'array<int,2>', found: undefined },
    ],
    [
      'Found -1 for field `age`, with record `person:5`, but field must conform to: $value >= 0',
      FieldAssertionError,
      { field: 'age', record: 'person:5', value: '-1', assertion: '$value >= 0' },
    ],
    ['Found changed value for field `created`, with record `person:1`, but field is readonly', ReadOnlyFieldError, { field: 'created', record: 'person:1' }],
    ["Found field 'nickname', but no such field exists for table 'person'", UnknownFieldError, { field: 'nickname', table: 'person' }],
    ['Found record: `likes:1` which is not a relation, but expected a RELATION', TableTypeError, { record: 'likes:1', expected: 'RELATION' }],
    ['Cannot delete `author:1` as it is referenced by `book:1` with an ON DELETE REJECT clause', DeleteRejectedError, { record: 'author:1', referencedBy: 'book:1' }],
  ] as const;

  for (const [message, Class, properties] of cases) {
    it(`${Class.name}: ${message.slice(0, 40)}...`, () => {
      const error = ServerError.from({ code: -32000, message, kind: 'Internal' });
      expect(error).toBeInstanceOf(Class);
      expect(error).toBeInstanceOf(SchemaViolationError);
      expect(error).toBeInstanceOf(ServerError);
      expect(error.name).toBe(Class.name);
      expect(error).toMatchObject({ ...properties, kind: 'Internal', code: -32000, message });
    });
  }

  it('a record id or value holding the separators still splits at the right place', () => {
    const error = ServerError.from({ code: -32000, kind: 'Internal', message: "Database index `email` already contains 'x`, with record `y', with record `u:`a b``" });
    expect(error).toMatchObject({ index: 'email', value: "'x`, with record `y'", existingRecord: 'u:`a b`' });
  });

  it('a payload with no kind (how a query statement may carry it) is recognised too', () => {
    expect(ServerError.from({ code: -32000, message: 'Found changed value for field `a`, with record `t:1`, but field is readonly' })).toBeInstanceOf(ReadOnlyFieldError);
  });

  it('another kind is never reinterpreted: a THROW of the same text stays a ThrownError', () => {
    const error = ServerError.from({ code: -32006, kind: 'Thrown', message: 'Found changed value for field `a`, with record `t:1`, but field is readonly' });
    expect(error).toBeInstanceOf(ThrownError);
    expect(error).not.toBeInstanceOf(SchemaViolationError);
  });

  it('an Internal error with any other message stays an InternalError', () => {
    const error = ServerError.from({ code: -32000, kind: 'Internal', message: 'There was a problem with the underlying datastore: disk full' });
    expect(error).toBeInstanceOf(InternalError);
    expect(error).not.toBeInstanceOf(SchemaViolationError);
  });

  it('a failed query statement carries the typed error as its cause', () => {
    const error = new StatementError(1, { message: 'Database index `email` already contains \'a@x\', with record `person:1`', kind: 'Internal' });
    expect(error.cause).toBeInstanceOf(UniqueViolationError);
    expect((error.cause as UniqueViolationError).index).toBe('email');
    expect(error.index).toBe(1);
  });

  it('is recognised across two installed copies', async () => {
    vi.resetModules();
    const other = await import('../src/index.ts');
    const foreign = other.ServerError.from({ code: -32000, kind: 'Internal', message: "Found field 'x', but no such field exists for table 't'" });
    expect(foreign).toBeInstanceOf(UnknownFieldError);
    expect(foreign).toBeInstanceOf(SchemaViolationError);
    expect(foreign).not.toBeInstanceOf(FieldTypeError);
  });
});

describe('parse errors', () => {
  it('have reason Parse although SurrealDB 3.0.2 sends them with no details', () => {
    const error = ServerError.from({ code: -32000, kind: 'Validation', message: 'Parse error: Unexpected token `an identifier`, expected Eof\n --> [1:7]' });
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.details).toBeUndefined();
    expect(error.reason).toBe('Parse');
  });

  it('a server that sends details keeps its own reason', () => {
    expect(ServerError.from({ code: -32602, kind: 'Validation', message: 'Invalid params', details: { kind: 'InvalidParams' } }).reason).toBe('InvalidParams');
  });

  it('another Validation error has no made-up reason', () => {
    expect(ServerError.from({ code: -32000, kind: 'Validation', message: 'Specify a namespace to use' }).reason).toBeUndefined();
  });
});

describe('client-side errors', () => {
  it('a ConnectionClosedError is a ConnectionError and an SdbError', () => {
    const error = new ConnectionClosedError('closed');
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).toBeInstanceOf(SdbError);
    expect(error).not.toBeInstanceOf(ServerError);
    expect(error.name).toBe('ConnectionClosedError');
  });

  it('a RequestAbortedError is named AbortError, as platform aborts are', () => {
    const error = new RequestAbortedError('aborted');
    expect(error.name).toBe('AbortError');
    expect(error).toBeInstanceOf(RequestAbortedError);
    expect(new TimeoutError('late')).not.toBeInstanceOf(RequestAbortedError);
  });

  it('keeps the cause it was given', () => {
    const root = new Error('ECONNREFUSED');
    expect(new ConnectionError('cannot reach', { cause: root }).cause).toBe(root);
  });

  it('the codec CborError counts as an SdbError', () => {
    expect(new CborError('truncated', 3)).toBeInstanceOf(SdbError);
    expect(new CborError('truncated', 3)).not.toBeInstanceOf(ProtocolError);
  });

  it('a plain Error is not an SdbError', () => {
    expect(new Error('x')).not.toBeInstanceOf(SdbError);
    expect(null).not.toBeInstanceOf(SdbError);
  });
});

describe('StatementError', () => {
  it('carries the statement index and kind, with the kind subclass as cause', () => {
    const error = new StatementError(2, { message: 'Database record `person:1` already exists', kind: 'AlreadyExists' });
    expect(error.index).toBe(2);
    expect(error.kind).toBe('AlreadyExists');
    expect(error.message).toBe('Database record `person:1` already exists');
    expect(error.cause).toBeInstanceOf(AlreadyExistsError);
    expect(error).toBeInstanceOf(SdbError);
    expect(error).not.toBeInstanceOf(ServerError);
  });
});

describe('instanceof across two installed copies of @sdb/protocol', () => {
  it('an error built by another copy matches this copy\'s classes', async () => {
    // A second module instance of the same file stands in for a second installed copy.
    vi.resetModules();
    const other = await import('../src/index.ts');
    expect(other.NotFoundError).not.toBe(NotFoundError);
    const foreign = other.ServerError.from({ code: -32000, message: 'gone', kind: 'NotFound' });
    expect(foreign).toBeInstanceOf(NotFoundError);
    expect(foreign).toBeInstanceOf(ServerError);
    expect(foreign).toBeInstanceOf(SdbError);
    expect(foreign).not.toBeInstanceOf(AlreadyExistsError);
    expect(new other.ConnectionClosedError('x')).toBeInstanceOf(ConnectionError);
  });

  it('a user subclass keeps ordinary instanceof semantics', () => {
    class MyError extends NotFoundError {}
    expect(new MyError({ code: 1, message: 'x' })).toBeInstanceOf(MyError);
    expect(ServerError.from({ code: 1, message: 'x', kind: 'NotFound' })).not.toBeInstanceOf(MyError);
    expect(new MyError({ code: 1, message: 'x' })).toBeInstanceOf(NotFoundError);
  });
});

describe('errors of other packages', () => {
  it('a subclass declaring an errorBrand gets that name and cross-copy instanceof', () => {
    class NotSupportedError extends SdbError {
      static override readonly [errorBrand]: string = 'NotSupportedError';
    }
    const error = new NotSupportedError('no live queries over HTTP');
    expect(error.name).toBe('NotSupportedError');
    expect(error).toBeInstanceOf(NotSupportedError);
    expect(error).toBeInstanceOf(SdbError);
    expect(new ConnectionError('x')).not.toBeInstanceOf(NotSupportedError);
  });
});
