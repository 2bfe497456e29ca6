/**
 * Tree-shaking: a browser bundle that imports one value class keeps that class and what it
 * needs, and none of the RPC client, the transports' shared code or the CBOR codec.
 */
import { expect, test } from 'vitest';
import { bundledSources } from '../../embedded/test-support/browser-bundle.ts';

test('importing RecordId bundles the value class and no RpcClient, transport code or codec', async () => {
  const sources = await bundledSources(`export { RecordId } from '../src/index.ts';`, import.meta.url);
  expect(sources).toContain('protocol/src/values/record-id.ts');
  expect(sources.filter((path) => /protocol\/src\/(rpc\/client|transport|cbor\/(encoder|decoder))/.test(path))).toEqual([]);
});
