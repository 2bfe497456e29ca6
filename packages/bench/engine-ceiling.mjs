/**
 * @module The ceiling: the native SurrealDB engine called in this process with a pre-encoded
 * CBOR request (no network, no client), at the same concurrency as the clients.
 */
import { createRequire } from 'node:module';
import { encode } from '@sdb/protocol';

/** Opens a fresh `mem://` engine; `execute(request)` runs one pre-encoded RPC request. */
export async function openNativeEngine() {
  const require = createRequire(import.meta.resolve('@surrealdb/node'));
  const suffix = process.platform === 'linux' ? `linux-${process.arch}-gnu` : process.platform === 'win32' ? `win32-${process.arch}-msvc` : `${process.platform}-${process.arch}`;
  const { SurrealNodeEngine } = require(`./surrealdb-node.${suffix}.node`);
  const engine = await SurrealNodeEngine.connect('mem://', {});
  await engine.execute(encode({ id: 0, method: 'use', params: ['bench', 'bench'] }));
  return {
    query: (sql) => {
      const request = encode({ id: 1, method: 'query', params: [sql] });
      return () => engine.execute(request);
    },
    close: () => engine.free(),
  };
}
