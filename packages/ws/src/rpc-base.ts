/**
 * @module The `RpcClient` surface every ws scope (client, session, transaction) builds on: every
 * typed RPC method, with `live` left out so that scopes can answer subscriptions instead of bare ids.
 */
import { RpcClient, type Transport } from '@sdb/protocol';

/** RpcClient's public methods, minus `live` (which answers a subscription in @sdb/ws). */
export type RpcSurface = Omit<RpcClient, 'live'>;

/**
 * `RpcClient` itself at run time (so `instanceof RpcClient` holds and every method is inherited),
 * seen through its public surface without `live`: a widening, not a cast. The protected `call` is
 * not part of that surface; the scopes declare their own public `call` (the `Transport` contract).
 */
export const RpcBase: new (transport: Transport) => RpcSurface = RpcClient;
