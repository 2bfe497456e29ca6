/**
 * Auth models: a model declared with `access` is the user table of a record access method.
 * `pushSchema` defines the access (SIGNUP/SIGNIN derived from the identity and password fields,
 * WITH REFRESH, durations); `User.signup`, `User.signin`, `User.refresh` and `User.current` work
 * on the real engine over @sdb/ws and @sdb/http (and the embedded client), and no password ever
 * shows in an error or a log line.
 */
import { RecordId, SdbError } from '@sdb/protocol';
import { compile, define, DefineStatement, eq, field, param, select } from '@sdb/ql';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectEmbedded } from '@sdb/embedded';
import { defineNodes, f, model, ModelDefinitionError, pushSchema, ValidationError, type OrmClient } from '../src/index.ts';
import { InvalidArgumentError } from '@sdb/protocol';
import { recordUserScope, type RecordUserScope, type UserTransport } from './record-users.ts';
import { uniqueScope } from '../../embedded/test-support/index.ts';

const User = model(
  'user',
  {
    email: f.string().unique(),
    // The hash: no record user may read it (SIGNIN runs with the server's rights and still can).
    password: f.string().permissions({ select: 'none' }),
    name: f.string(),
    plan: f.string().default('free'),
  },
  {
    schemafull: true,
    permissions: { select: eq(field('id'), param('auth')), update: eq(field('id'), param('auth')), create: 'none', delete: 'none' },
    access: { name: 'account', identity: 'email', password: 'password', duration: { token: '15m', session: '12h' }, refresh: true },
  },
);

const PASSWORD = 'correct horse battery staple';

/** Whether `text` shows any password used in these tests. */
const leaksPassword = (text: string) => text.includes(PASSWORD) || text.includes('wrong-horse');

describe('the access declaration', () => {
  it('derives SIGNUP (argon2 hash of $password) and SIGNIN (identity AND argon2 compare), WITH REFRESH and the durations', () => {
    const access = defineNodes(User).find((node) => node.kind === 'defineAccess')!;
    expect(compile(new DefineStatement(access)).query).toBe(
      'DEFINE ACCESS OVERWRITE account ON DATABASE TYPE RECORD' +
        ' SIGNUP (CREATE user SET email = $email, password = crypto::argon2::generate($password), name = $name, plan = $plan)' +
        ' SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(password, $password))' +
        ' WITH REFRESH DURATION FOR TOKEN 15m, FOR SESSION 12h;',
    );
  });

  it('takes SIGNUP and SIGNIN as ql expressions as they are', () => {
    const Kiosk = model('kiosk', { code: f.string() }, { access: { name: 'kiosk', signin: select('kiosk').where(eq(field('code'), param('code'))) } });
    expect(compile(new DefineStatement(Kiosk.access!.node)).query).toBe('DEFINE ACCESS OVERWRITE kiosk ON DATABASE TYPE RECORD SIGNIN (SELECT * FROM kiosk WHERE code = $code);');
    expect(Kiosk.access!.node).toEqual(define.access('kiosk', 'database').overwrite().record({ signin: select('kiosk').where(eq(field('code'), param('code'))) }).node);
  });

  it('refuses an access it cannot build, naming the problem', () => {
    expect(() => model('u1', { email: f.string() }, { access: { name: 'a', identity: 'email' } as never })).toThrow(ModelDefinitionError);
    expect(() => model('u2', { email: f.string(), pin: f.int() }, { access: { name: 'a', identity: 'email', password: 'pin' } })).toThrow(/declare it f.string\(\)/);
    expect(() => model('u3', { email: f.string(), password: f.string() }, { access: { name: 'a', identity: 'mail' as never, password: 'password' } })).toThrow(/"mail" is not a declared field/);
    expect(() => model('u4', { email: f.string() }, { access: { name: 'not a name' } })).toThrow(ModelDefinitionError);
    expect(() => model('u5', { email: f.string() }, { access: { name: 'a' } })).toThrow(/a way to sign in/);
  });

  it('a model without access has no signup: a typed error before anything is sent', async () => {
    const Plain = model('plain', { name: f.string() });
    await expect(Plain.signup({ name: 'x' })).rejects.toThrow(ModelDefinitionError);
  });
});

describe.each(['ws', 'http'] as UserTransport[])('record users over %s', (transport) => {
  let scope: RecordUserScope;

  beforeAll(async () => {
    scope = await recordUserScope(transport, 'orm_auth');
    await pushSchema([User], { using: scope.root });
  });

  afterAll(() => scope?.close());
  afterEach(() => vi.restoreAllMocks());

  /** Where a guest signs in: a guest session cannot ask its own namespace and database. */
  const at = (client: OrmClient) => ({ using: client, namespace: scope.namespace, database: scope.database });

  it('pushSchema defines the access method on the database', async () => {
    const [info] = await scope.root.queryAll<[{ accesses: Record<string, string> }]>('INFO FOR DB');
    expect(info.accesses.account).toContain('TYPE RECORD SIGNUP (CREATE user SET');
    expect(info.accesses.account).toContain('WITH REFRESH');
    expect(info.accesses.account).toContain('FOR TOKEN 15m, FOR SESSION 12h');
  });

  it('signup() creates the user with a hashed password and answers { user, tokens } with the client signed in', async () => {
    const client = await scope.guest();
    const { user, tokens } = await User.signup({ email: 'ann@x.io', password: PASSWORD, name: 'Ann' }, at(client));
    expect(user).toBeInstanceOf(User);
    expect(user.id.table).toBe('user');
    expect({ email: user.email, name: user.name, plan: user.plan }).toEqual({ email: 'ann@x.io', name: 'Ann', plan: 'free' });
    // The hash is not readable by the user it belongs to.
    expect('password' in user).toBe(false);
    expect(typeof tokens.access).toBe('string');
    expect(typeof tokens.refresh).toBe('string');
    expect((await User.current(client))?.id).toEqual(user.id);
    const [[stored]] = await scope.root.queryAll<[{ password: string }[]]>('SELECT password FROM $id', { id: user.id });
    expect(stored!.password).toMatch(/^\$argon2/);
    expect(stored!.password).not.toContain(PASSWORD);
  });

  it('signin() with the identity and password answers the same user', async () => {
    const first = await scope.guest();
    const { user: bob } = await User.signup({ email: 'bob@x.io', password: PASSWORD, name: 'Bob' }, at(first));
    const client = await scope.guest();
    const { user, tokens } = await User.signin({ email: 'bob@x.io', password: PASSWORD }, at(client));
    expect(user.id).toEqual(bob.id);
    expect(tokens.refresh).toBeDefined();
    expect((await User.current(client))?.name).toBe('Bob');
  });

  it('a wrong password is refused with an SdbError that shows neither password, and nothing is logged', async () => {
    const client = await scope.guest();
    await User.signup({ email: 'cy@x.io', password: PASSWORD, name: 'Cy' }, at(await scope.guest()));
    const logged = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) => vi.spyOn(console, level));
    const error = await User.signin({ email: 'cy@x.io', password: 'wrong-horse' }, at(client)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SdbError);
    const shown = [String(error), (error as Error).stack ?? '', JSON.stringify(error), JSON.stringify((error as { details?: unknown }).details ?? null)].join('\n');
    expect(leaksPassword(shown)).toBe(false);
    for (const spy of logged) expect(spy).not.toHaveBeenCalled();
    expect(await User.current(client)).toBeUndefined();
  });

  it('signup data is checked before sending, and the ValidationError does not show the password', async () => {
    const client = await scope.guest();
    const error = await User.signup({ email: 'di@x.io', password: PASSWORD, name: 42 as unknown as string }, at(client)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error).toMatchObject({ field: 'name', rule: 'type' });
    expect(leaksPassword(String(error))).toBe(false);
    await expect(User.signin({ email: 'di@x.io' }, at(client))).rejects.toThrow(InvalidArgumentError);
    const [[count]] = await scope.root.queryAll<[number[]]>("SELECT VALUE count() FROM user WHERE email = 'di@x.io' GROUP ALL");
    expect(count ?? 0).toBe(0);
  });

  it('refresh() exchanges the tokens for new ones; the old refresh token is spent', async () => {
    const client = await scope.guest();
    const { tokens } = await User.signup({ email: 'ed@x.io', password: PASSWORD, name: 'Ed' }, at(client));
    const renewed = await User.refresh(tokens, at(client));
    expect(renewed.refresh).toBeDefined();
    expect(renewed.refresh).not.toBe(tokens.refresh);
    expect((await User.current(client))?.email).toBe('ed@x.io');
    await expect(User.refresh(tokens, at(await scope.guest()))).rejects.toThrow(SdbError);
  });

  it('a guest that names no namespace and database gets a typed error saying to pass them', async () => {
    await expect(User.signin({ email: 'ann@x.io', password: PASSWORD }, { using: await scope.guest() })).rejects.toThrow(/pass \{ namespace, database \}/);
  });

  it('current() is undefined for a system user', async () => {
    expect(await User.current(scope.root)).toBeUndefined();
  });
});

describe('record users over the embedded client', () => {
  it('signup() and current() on an in-process engine; the namespace and database come from its session', async () => {
    const client = await connectEmbedded('mem://');
    try {
      await client.use(uniqueScope('orm_auth_embedded'));
      await pushSchema([User], { using: client });
      const { user } = await User.signup({ email: 'em@x.io', password: PASSWORD, name: 'Em' }, { using: client });
      expect(user.id).toBeInstanceOf(RecordId);
      expect((await User.current(client))?.id).toEqual(user.id);
    } finally {
      await client.close();
    }
  });
});
