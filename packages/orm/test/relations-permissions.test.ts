/**
 * Relation manager writes under record-level permissions, on the real engine over @sdb/ws (a
 * record user signs up on its own socket): SurrealDB 3 answers a denied RELATE or DELETE with an
 * empty result and no error, and the manager turns that silence into `RecordNotAffectedError`,
 * losing nothing. Two record users: the owner of an edge and an intruder.
 */
import { connect } from '@sdb/ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surrealdb, uniqueScope } from '../../embedded/test-support/index.ts';
import { configure, edge, f, model, pushSchema, RecordNotAffectedError, type OrmClient } from '../src/index.ts';

const User = model('user', { email: f.string(), pass: f.string() });
const Follows = edge('follows', { from: () => User, to: () => User }, { since: f.int().optional() });

describe('relation manager writes under record-level permissions (ws)', () => {
  const scope = uniqueScope('orm_relperm');
  const clients: { close(): Promise<void> }[] = [];
  let owner: OrmClient;
  let intruder: OrmClient;
  let ownerUser: InstanceType<typeof User>;
  let target: InstanceType<typeof User>;

  async function signUp(email: string): Promise<OrmClient> {
    const client = await connect(surrealdb().url, scope);
    clients.push(client);
    await client.signup({ ...scope, access: 'account', variables: { email, pass: 'pw-12345' } });
    return client;
  }

  beforeAll(async () => {
    const server = surrealdb();
    const root = await connect(server.url, { ...scope, auth: { username: server.user, password: server.pass } });
    clients.push(root);
    configure({ default: root });
    await pushSchema([User, Follows]);
    // Table permissions are a later ORM feature (issue 13, auth): declared here in SurrealQL.
    await root.queryAll(`
      DEFINE TABLE OVERWRITE user SCHEMALESS PERMISSIONS FOR select FULL FOR create, update, delete WHERE id = $auth.id;
      DEFINE TABLE OVERWRITE follows TYPE RELATION IN user OUT user ENFORCED SCHEMALESS PERMISSIONS FOR select FULL FOR create, update, delete WHERE in = $auth.id;
      DEFINE ACCESS account ON DATABASE TYPE RECORD
        SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))
        SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass));
    `);
    owner = await signUp('owner@x.io');
    intruder = await signUp('intruder@x.io');
    ownerUser = await User.objects.get({ email: 'owner@x.io' });
    target = await User.objects.create({ email: 'target@x.io', pass: 'x' });
  });

  afterAll(async () => {
    for (const client of clients) await client.close();
  });

  it("the owner adds and removes its own edges; the intruder's add on the owner's behalf raises, writing nothing", async () => {
    await ownerUser.related(Follows, { using: owner }).add(target, { since: 2024 });
    await expect(ownerUser.related(Follows, { using: intruder }).add(target, { since: 1999 })).rejects.toBeInstanceOf(RecordNotAffectedError);
    expect((await ownerUser.related(Follows).edges()).map((e) => e.since)).toEqual([2024]);
  });

  it("the intruder's remove() and clear() of the owner's edges delete nothing; remove raises", async () => {
    await expect(ownerUser.related(Follows, { using: intruder }).remove(target)).rejects.toBeInstanceOf(RecordNotAffectedError);
    expect(await ownerUser.related(Follows, { using: intruder }).clear()).toBe(0);
    expect(await ownerUser.related(Follows).count()).toBe(1);
    expect(await ownerUser.related(Follows, { using: owner }).remove(target)).toBe(1);
  });

  it("the intruder's set() of the owner's edges raises, and the owner's edges stay", async () => {
    await ownerUser.related(Follows, { using: owner }).add(target);
    await expect(ownerUser.related(Follows, { using: intruder }).set([])).rejects.toBeInstanceOf(RecordNotAffectedError);
    expect(await ownerUser.related(Follows).count()).toBe(1);
  });
});
