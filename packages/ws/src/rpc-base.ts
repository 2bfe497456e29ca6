/**
 * @module The `RpcClient` surface every ws scope (client, session, transaction) builds on: every
 * typed RPC method, with `live` left out so that scopes can answer subscriptions instead of bare ids.
 */
import { RpcClient, type Transport } from '@sdb/protocol';

/** RpcClient's methods, minus `live` (which answers a subscription in @sdb/ws). */
export type RpcSurface = Omit<RpcClient, 'live'>;

/**
 * `RpcClient` itself at run time (so `instanceof RpcClient` holds and every method is inherited);
 * typed without `live`, and without the protected `call`, which the scopes make public as `Transport.call`.
 */
export const RpcBase = RpcClient as unknown as new (transport: Transport) => RpcSurface;
