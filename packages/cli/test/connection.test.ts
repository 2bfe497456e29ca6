/**
 * The connection a database command opens: @sdb/ws for ws:// URLs, @sdb/http for http://, signed
 * in with the config's credentials; a refused connection or rejected credentials exit 1 with a
 * message that names the URL and never the password.
 */
import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { surrealdb } from '../../embedded/test-support/index.ts';
import { MODELS } from './models.ts';
import { tempProject, type TestProject } from './project.ts';

let project: TestProject;
afterEach(() => project?.remove());

/** A loopback port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const QUERY = 'await db.queryAll("RETURN 40 + 2")\n.exit\n';

describe('the connection of a database command', () => {
  it.each([
    ['ws', () => surrealdb().url],
    ['http', () => surrealdb().httpUrl],
  ])('runs over %s when the url says so', async (_name, url) => {
    project = tempProject({ 'models.mjs': MODELS });
    const outcome = await project.sdb(['shell'], { env: { SURREAL_URL: url() }, stdin: QUERY });
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toContain('[ 42 ]');
    expect(outcome.code).toBe(0);
  });

  it.each(['ws', 'http'])('exits 1 naming the %s URL when the server refuses the connection', async (scheme) => {
    project = tempProject();
    const url = `${scheme}://127.0.0.1:${await closedPort()}`;
    const outcome = await project.sdb(['shell'], { env: { SURREAL_URL: url } });
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(new RegExp(`^sdb shell: cannot connect to ${url}.*: .*ECONNREFUSED`));
  });

  it('exits 1 on rejected credentials and never prints the password', async () => {
    project = tempProject();
    const password = 'not-the-Root-password-42';
    const outcome = await project.sdb(['shell', '--json'], { env: { SURREAL_USER: 'root', SURREAL_PASS: password } });
    expect(outcome.code).toBe(1);
    expect(JSON.parse(outcome.stdout)).toMatchObject({ ok: false, error: { message: expect.any(String) } });
    expect(outcome.stdout + outcome.stderr).not.toContain(password);
  });
});
