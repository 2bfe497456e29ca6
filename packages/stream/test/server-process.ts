/**
 * @module A SurrealDB server in a child process, for the change-feed tests: writes to a
 * CHANGEFEED table make the 3.0.2 engine print to stderr, which can abort a process whose stderr
 * pipe lags (see @sdb/embedded's test-support cli-process.ts) — here the child, not the test run.
 * The `sdb-embedded` command is built from source first (@sdb/embedded's test-support `bundleForNode`).
 */
import { spawnCli, stopChild } from '../../embedded/test-support/cli-process.ts';
import { bundleForNode } from '../../embedded/test-support/node-bundle.ts';

export interface ServerProcess {
  url: string;
  httpUrl: string;
  user: string;
  pass: string;
  stop(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const cli = await bundleForNode({ cli: 'src/cli.ts' });
  const user = 'root';
  const pass = 'stream-feed-root';
  const { child, url } = await spawnCli(cli.file('cli'), ['--port', '0', '--user', user, '--pass', pass]);
  return {
    url,
    httpUrl: url.replace(/^ws/, 'http').replace(/\/rpc$/, ''),
    user,
    pass,
    stop: async () => {
      await stopChild(child);
      await cli.remove();
    },
  };
}
