/**
 * @module `EmbeddedClient`: what `connectEmbedded` answers: @sdb/protocol's `EngineClient` (the
 * shared `RpcClient`, interactive transactions, `close`) over the in-process engine.
 */
import { EngineClient } from '@sdb/protocol/transport';
import type { EmbeddedTransport } from './transport.ts';

export class EmbeddedClient extends EngineClient<EmbeddedTransport> {}
