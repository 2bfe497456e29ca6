/**
 * @module The vitest global setup every package's integration tests share (wired in
 * vitest.shared.ts): it decides which real SurrealDB the tests talk to and hands its address to
 * them through `inject('surrealdb')` and the `SURREALDB_URL` environment variable.
 *
 * - `SURREALDB_URL` set: that server (credentials from `SURREALDB_USER`/`SURREALDB_PASS`, default root/root).
 * - `SURREALDB_TESTCONTAINERS=1`: a `surrealdb/surrealdb:v3.0.2` container (needs a Docker engine).
 * - otherwise: the embedded server (`startServer`) on a free loopback port, root/root.
 */
import type { TestProject } from 'vitest/node';
import { startServer } from '../src/server.ts';
import { endpointsOf, type SurrealdbUnderTest } from './provided-context.ts';

const IMAGE = 'surrealdb/surrealdb:v3.0.2';

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const { SURREALDB_URL: external, SURREALDB_TESTCONTAINERS: containers } = process.env;
  const user = process.env.SURREALDB_USER ?? 'root';
  const pass = process.env.SURREALDB_PASS ?? 'root';

  let database: SurrealdbUnderTest;
  let stop: () => Promise<void>;
  if (external) {
    database = { ...endpointsOf(external), user, pass, source: 'external' };
    stop = async () => undefined;
  } else if (containers === '1') {
    const container = await startContainer(user, pass);
    database = { ...endpointsOf(`http://${container.getHost()}:${container.getMappedPort(8000)}`), user, pass, source: 'testcontainers' };
    stop = async () => {
      await container.stop();
    };
  } else {
    const server = await startServer({ auth: { username: user, password: pass } });
    database = { url: server.url, httpUrl: server.httpUrl, user, pass, source: 'embedded' };
    stop = () => server.close();
  }

  project.provide('surrealdb', database);
  // Test files may also read the address without vitest's inject (e.g. from plain helpers).
  process.env.SURREALDB_URL = database.url;
  return async () => {
    await stop();
    if (!external) delete process.env.SURREALDB_URL;
  };
}

async function startContainer(user: string, pass: string) {
  try {
    const { GenericContainer, Wait } = await import('testcontainers');
    return await new GenericContainer(IMAGE)
      .withCommand(['start', '--user', user, '--pass', pass, 'memory'])
      .withExposedPorts(8000)
      .withWaitStrategy(Wait.forHttp('/health', 8000))
      .start();
  } catch (error) {
    throw new Error(
      `SURREALDB_TESTCONTAINERS=1 needs a running Docker engine to start ${IMAGE}, and none could be used ` +
        `(${error instanceof Error ? error.message : String(error)}). Unset SURREALDB_TESTCONTAINERS to test ` +
        'against the embedded engine, or set SURREALDB_URL to a running SurrealDB 3 server.',
    );
  }
}
