/**
 * The schema violations of the real SurrealDB 3.0.2 engine, which it sends as kind `Internal`,
 * arrive as typed errors from @sdb/protocol: thrown by an RPC method, and as the `cause` of a
 * failed `query` statement. Also: a parse error has `reason` `Parse`.
 */
import {
  DeleteRejectedError,
  FieldAssertionError,
  FieldTypeError,
  ReadOnlyFieldError,
  RecordId,
  RpcClient,
  SchemaViolationError,
  StatementError,
  TableTypeError,
  UniqueViolationError,
  UnknownFieldError,
  ValidationError,
} from '@sdb/protocol';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { connectTestClient, type TestClient } from '../test-support/index.ts';

let test: TestClient;
let db: RpcClient;

beforeEach(async () => {
  test = await connectTestClient('schema');
  db = test.client;
  await db.queryAll(`
    DEFINE TABLE person SCHEMAFULL;
    DEFINE FIELD email ON person TYPE string;
    DEFINE FIELD age ON person TYPE option<int> ASSERT $value = NONE OR $value >= 0;
    DEFINE FIELD created ON person TYPE option<int> READONLY;
    DEFINE INDEX email_unique ON person FIELDS email UNIQUE;
    DEFINE TABLE likes TYPE RELATION;
    DEFINE TABLE book;
    DEFINE FIELD author ON book TYPE option<record<person>> REFERENCE ON DELETE REJECT;
    CREATE person:1 SET email = 'a@x', created = 1;
  `);
});

afterEach(async () => {
  await test.close();
});

const ann = new RecordId('person', 1);
const bob = new RecordId('person', 2);

/** The typed error that failed the only statement of `sql`. */
async function statementCause(sql: string): Promise<unknown> {
  const [result] = await db.query(sql);
  if (result?.ok !== false) throw new Error('expected the statement to fail');
  expect(result.error).toBeInstanceOf(StatementError);
  return result.error.cause;
}

describe('a UNIQUE index', () => {
  const expected = { index: 'email_unique', value: "'a@x'", existingRecord: 'person:1', kind: 'Internal' };

  it('refusing an RPC create is a UniqueViolationError naming the index, the value and the record holding it', async () => {
    const error = await rejection(db.create(bob, { email: 'a@x' }));
    expect(error).toBeInstanceOf(UniqueViolationError);
    expect(error).toBeInstanceOf(SchemaViolationError);
    expect(error).toMatchObject(expected);
  });

  it('refusing a query statement has a UniqueViolationError as the statement error cause', async () => {
    const cause = await statementCause("CREATE person:2 SET email = 'a@x'");
    expect(cause).toBeInstanceOf(UniqueViolationError);
    expect(cause).toMatchObject(expected);
  });
});

describe('a field TYPE', () => {
  it('refusing an RPC create is a FieldTypeError naming the field, the record, the type and the value', async () => {
    const error = await rejection(db.create(bob, { email: 42 }));
    expect(error).toBeInstanceOf(FieldTypeError);
    expect(error).toMatchObject({ field: 'email', record: 'person:2', expected: 'string', found: '42' });
  });

  it('refusing a query statement has a FieldTypeError as the statement error cause', async () => {
    const cause = await statementCause("CREATE person:2 SET email = 'b@x', age = 'old'");
    expect(cause).toBeInstanceOf(FieldTypeError);
    expect(cause).toMatchObject({ field: 'age', record: 'person:2', expected: 'none | int', found: "'old'" });
  });
});

describe('a field ASSERT', () => {
  it('refusing an RPC create is a FieldAssertionError naming the field, the value and the assertion', async () => {
    const error = await rejection(db.create(bob, { email: 'b@x', age: -1 }));
    expect(error).toBeInstanceOf(FieldAssertionError);
    expect(error).toMatchObject({ field: 'age', record: 'person:2', value: '-1', assertion: '$value = NONE OR $value >= 0' });
  });

  it('refusing a query statement has a FieldAssertionError as the statement error cause', async () => {
    expect(await statementCause("CREATE person:2 SET email = 'b@x', age = -5")).toMatchObject({ field: 'age', value: '-5' });
  });
});

describe('a READONLY field', () => {
  it('refusing an RPC merge is a ReadOnlyFieldError naming the field and the record', async () => {
    const error = await rejection(db.merge(ann, { created: 2 }));
    expect(error).toBeInstanceOf(ReadOnlyFieldError);
    expect(error).toMatchObject({ field: 'created', record: 'person:1' });
  });

  it('refusing a query statement has a ReadOnlyFieldError as the statement error cause', async () => {
    expect(await statementCause('UPDATE person:1 SET created = 2')).toBeInstanceOf(ReadOnlyFieldError);
  });
});

describe('a SCHEMAFULL table', () => {
  it('refusing an RPC create with an undefined field is an UnknownFieldError naming the field and the table', async () => {
    const error = await rejection(db.create(bob, { email: 'b@x', nickname: 'bo' }));
    expect(error).toBeInstanceOf(UnknownFieldError);
    expect(error).toMatchObject({ field: 'nickname', table: 'person' });
  });

  it('refusing a query statement has an UnknownFieldError as the statement error cause', async () => {
    expect(await statementCause("CREATE person:2 SET email = 'b@x', nickname = 'bo'")).toBeInstanceOf(UnknownFieldError);
  });
});

describe('a TYPE RELATION table', () => {
  it('refusing an RPC create of a plain record is a TableTypeError expecting a RELATION', async () => {
    const error = await rejection(db.create(new RecordId('likes', 1), {}));
    expect(error).toBeInstanceOf(TableTypeError);
    expect(error).toMatchObject({ record: 'likes:1', expected: 'RELATION' });
  });

  it('refusing a query statement has a TableTypeError as the statement error cause', async () => {
    expect(await statementCause('CREATE likes:1')).toBeInstanceOf(TableTypeError);
  });
});

describe('a REFERENCE ON DELETE REJECT field', () => {
  beforeEach(async () => {
    await db.queryAll('CREATE book:1 SET author = person:1');
  });

  it('refusing an RPC delete is a DeleteRejectedError naming the record and who references it', async () => {
    const error = await rejection(db.delete(ann));
    expect(error).toBeInstanceOf(DeleteRejectedError);
    expect(error).toMatchObject({ record: 'person:1', referencedBy: 'book:1' });
  });

  it('refusing a query statement has a DeleteRejectedError as the statement error cause', async () => {
    expect(await statementCause('DELETE person:1')).toBeInstanceOf(DeleteRejectedError);
  });
});

describe('a parse error', () => {
  it('is a ValidationError with reason Parse', async () => {
    const error = await rejection<ValidationError>(db.query('SELEC * FROM person'));
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.reason).toBe('Parse');
  });
});
