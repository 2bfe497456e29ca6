import { test } from 'vitest';
import { connectRoot, surrealdb } from './support.ts';
import { connect } from '../src/index.ts';

test('explore', async () => {
  const { db, namespace, database } = await connectRoot();
  await db.queryAll(`DEFINE ACCESS account ON DATABASE TYPE RECORD
      SIGNUP (CREATE user SET email = $email, pass = crypto::argon2::generate($pass))
      SIGNIN (SELECT * FROM user WHERE email = $email AND crypto::argon2::compare(pass, $pass)) WITH REFRESH; DEFINE TABLE user SCHEMALESS PERMISSIONS FOR select WHERE id = $auth.id;`);
  const u = await connect(surrealdb().url, { namespace, database });
  const c = { namespace, database, access: 'account', variables: { email: 'rpc@example.com', pass: 'secret-pass' } };
  const tryit = async (name: string, f: () => Promise<unknown>) => { try { console.log(name, 'OK', JSON.stringify(await f())?.slice(0, 80)); } catch (e) { console.log(name, 'ERR', (e as Error).name, (e as Error).message); } };
  await tryit('signup', () => u.signup(c));
  await tryit('info', () => u.info());
  let si: any;
  await tryit('signin', async () => (si = await u.signin(c)));
  await tryit('invalidate', () => u.invalidate());
  await tryit('info', () => u.info());
  await tryit('auth', () => u.authenticate(si.access));
  await tryit('use', () => u.use({namespace, database}));
  await tryit('info', () => u.info());
  await u.close(); await db.close();
});
