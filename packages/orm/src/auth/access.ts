/**
 * @module A model as the user table of a record access method: the `access` model option becomes
 * `DEFINE ACCESS … ON DATABASE TYPE RECORD SIGNUP (…) SIGNIN (…) [WITH REFRESH] DURATION …`
 * (a ql DEFINE ACCESS node, made when the model is declared, pushed with the schema). SIGNUP and
 * SIGNIN are either ql expressions given as they are, or derived from the declared `identity` and
 * `password` fields: sign-up creates the record from the variables named like its fields, storing
 * `crypto::argon2::generate($password)`; sign-in selects the record whose identity fields equal
 * theirs and whose hash `crypto::argon2::compare`s with `$password`.
 */
// A namespace import: a bundle then keeps only the function namespaces used here, not the whole catalogue.
import { call, type Expression } from '@sdb/functions/core';
import { accessDurations, and, create, eq, field, param, recordAccess, select, type DefineAccessNode } from '@sdb/ql';
import { ModelDefinitionError } from '../errors.ts';
import type { FieldMap } from '../schema/infer.ts';

/** The `access` option of `model()`: `K` are the model's field names. */
export interface AccessOptions<K extends string = string> {
  /** The access method's name (`AC` when signing in). */
  readonly name: string;
  /** The fields that identify a user at sign-in (`'email'`, or several); with `password`, SIGNUP and SIGNIN are derived. */
  readonly identity?: K | readonly K[];
  /** The string field holding the argon2 hash; the sign-up and sign-in variable of the same name carries the password. */
  readonly password?: K;
  /** SIGNUP as a ql expression (its `$variables` come from `signup(data)`); overrides the derived one. */
  readonly signup?: Expression;
  /** SIGNIN as a ql expression (its `$variables` come from `signin(credentials)`); overrides the derived one. */
  readonly signin?: Expression;
  /** `DURATION FOR GRANT …, FOR TOKEN …, FOR SESSION …` (SurrealQL durations: `'15m'`, `'12h'`). */
  readonly duration?: { readonly grant?: string; readonly token?: string; readonly session?: string };
  /** `WITH REFRESH`: sign-in and sign-up also answer a refresh token, which `refresh()` exchanges for new tokens. */
  readonly refresh?: boolean;
}

/** A model's access method, resolved once when the model is declared. */
export interface ModelAccess {
  readonly name: string;
  readonly node: DefineAccessNode;
  /** The identity and password fields of a derived access (what `signin` must be given). */
  readonly identity?: readonly string[];
  readonly password?: string;
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function declared(table: string, fields: FieldMap, key: string, role: string): string {
  const fieldDef = fields[key];
  if (fieldDef === undefined) throw new ModelDefinitionError(`${table}: access ${role} "${key}" is not a declared field`);
  if (role === 'password' && fieldDef.config.kind !== 'string') throw new ModelDefinitionError(`${table}: the access password field "${key}" holds a hash: declare it f.string()`);
  return key;
}

/** The derived SIGNUP: every writable declared field from the variable of its name, the password hashed. */
function derivedSignup(table: string, fields: FieldMap, password: string): Expression {
  const values: Record<string, unknown> = {};
  for (const [key, fieldDef] of Object.entries(fields)) {
    if (fieldDef.config.kind === 'computed') continue;
    values[key] = key === password ? call('crypto::argon2::generate', param(password)) : param(key);
  }
  return create(table).set(values);
}

/** The derived SIGNIN: the record whose identity fields match and whose hash matches `$password`. */
function derivedSignin(table: string, identity: readonly string[], password: string): Expression {
  return select(table).where(and(...identity.map((key) => eq(field(key), param(key))), call('crypto::argon2::compare', field(password), param(password))));
}

/** Checks the `access` option of model `table` and builds its DEFINE ACCESS node. */
export function modelAccess(table: string, fields: FieldMap, options: AccessOptions): ModelAccess {
  if (typeof options !== 'object' || options === null || typeof options.name !== 'string' || !NAME.test(options.name)) {
    throw new ModelDefinitionError(`${table}: access needs a name that is an identifier ({ name: 'account', ... })`);
  }
  const identityKeys = options.identity === undefined ? undefined : typeof options.identity === 'string' ? [options.identity] : [...options.identity];
  if ((identityKeys === undefined) !== (options.password === undefined) || identityKeys?.length === 0) {
    throw new ModelDefinitionError(`${table}: access derives SIGNUP and SIGNIN from identity and password together; give both, or signup/signin expressions`);
  }
  const identity = identityKeys?.map((key) => declared(table, fields, key, 'identity'));
  const password = options.password === undefined ? undefined : declared(table, fields, options.password, 'password');
  const signup = options.signup ?? (password === undefined ? undefined : derivedSignup(table, fields, password));
  const signin = options.signin ?? (identity === undefined || password === undefined ? undefined : derivedSignin(table, identity, password));
  if (signin === undefined) throw new ModelDefinitionError(`${table}: access needs a way to sign in: identity and password fields, or a signin expression`);
  const node: DefineAccessNode = {
    kind: 'defineAccess',
    name: options.name,
    on: 'DATABASE',
    mode: 'OVERWRITE',
    method: recordAccess({ signin, ...(signup !== undefined ? { signup } : {}), ...(options.refresh ? { refresh: true } : {}) }),
    ...(options.duration !== undefined ? { duration: accessDurations(options.duration) } : {}),
  };
  return Object.freeze({ name: options.name, node, ...(identity !== undefined ? { identity, password } : {}) });
}
