/** `connectWasm` refuses a datastore URL or a worker option it cannot use before any worker starts. */
import { InvalidOptionError } from '@sdb/protocol';
import { expect, test } from 'vitest';
import { connectWasm, type WasmUrl } from '../src/index.ts';

const worker = () => {
  throw new Error('no worker may start for a refused option');
};

test('a URL other than mem:// or indxdb://name is refused with InvalidOptionError', async () => {
  await expect(connectWasm('rocksdb://data' as WasmUrl, { worker })).rejects.toThrow(InvalidOptionError);
  await expect(connectWasm('indxdb://' as WasmUrl, { worker })).rejects.toThrow('connectWasm: url must be mem:// or indxdb://name');
});

test('a missing worker factory is refused with InvalidOptionError naming the option', async () => {
  await expect(connectWasm('mem://', {} as never)).rejects.toThrow('connectWasm: worker must be a function that starts a @surrealdb/wasm/worker agent');
});
