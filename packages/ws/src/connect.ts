/**
 * @module `connect(url, options)`: opens the socket, selects the namespace and database,
 * authenticates, and answers the client once all of that succeeded (or rejects typed).
 */
import { WsClient } from './client.ts';
import { rpcEndpoint } from './endpoint.ts';
import { resolveOptions, type ConnectOptions } from './options.ts';
import { WsTransport } from './transport.ts';

export async function connect(url: string | URL, options: ConnectOptions = {}): Promise<WsClient> {
  const transport = new WsTransport(rpcEndpoint(url), resolveOptions(options));
  await transport.open();
  return new WsClient(transport);
}
