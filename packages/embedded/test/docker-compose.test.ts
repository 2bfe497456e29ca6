/**
 * The compose files in docker/ describe real SurrealDB 3.0.2 deployments (one test node; a
 * TiKV-backed cluster of three). No Docker engine runs here, so these tests validate the files
 * with the compose client alone, and skip, saying why, when no client is installed.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dockerDir = fileURLToPath(new URL('../../../docker/', import.meta.url));

/** `docker compose` (v2 plugin) when present, else Debian's `docker-compose`, else none. */
function composeClient(): string[] | undefined {
  const candidates = [['docker', 'compose'], ['docker-compose']];
  return candidates.find(([command, ...args]) => spawnSync(command!, [...args, 'version'], { stdio: 'ignore' }).status === 0);
}

function composeConfig(client: string[], file: string): { services: string[]; status: number | null; stderr: string } {
  const [command, ...args] = client;
  const result = spawnSync(command!, [...args, '-f', `${dockerDir}${file}`, 'config', '--services'], { encoding: 'utf8' });
  return { services: result.stdout.trim().split('\n').filter(Boolean).sort(), status: result.status, stderr: result.stderr };
}

const client = composeClient();

describe.skipIf(!client)(client ? 'docker/ compose files' : 'docker/ compose files (skipped: neither docker compose nor docker-compose is installed)', () => {
  it('compose.test.yml is valid and runs one SurrealDB node', () => {
    const config = composeConfig(client!, 'compose.test.yml');
    expect(config.stderr).not.toMatch(/invalid|error/i);
    expect(config.status).toBe(0);
    expect(config.services).toEqual(['surrealdb']);
  });

  it('compose.cluster.yml is valid and runs PD, TiKV and three SurrealDB nodes', () => {
    const config = composeConfig(client!, 'compose.cluster.yml');
    expect(config.stderr).not.toMatch(/invalid|error/i);
    expect(config.status).toBe(0);
    expect(config.services).toEqual(['pd', 'surrealdb-1', 'surrealdb-2', 'surrealdb-3', 'tikv']);
  });
});
