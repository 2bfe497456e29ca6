import { describe, expect, it, vi } from 'vitest';
import {
  AlreadyExistsError,
  CborError,
  ConnectionClosedError,
  ConnectionError,
  InternalError,
  NotAllowedError,
  NotFoundError,
  ProtocolError,
  QueryError,
  RequestAbortedError,
  SdbError,
  ServerError,
  StatementError,
  ThrownError,
  TimeoutError,
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
    const other = await import('../src/rpc/errors.ts');
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
