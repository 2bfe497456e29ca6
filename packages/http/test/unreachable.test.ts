/**
 * A server that is not there: the call rejects with `ConnectionError`, whose `cause` is the
 * low-level failure (a copy with its name and message), and nothing in it holds a header, where
 * the bearer token travels. Runs over both request paths (fetch and undici), like the whole suite.
 */
import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { ConnectionError } from '@sdb/protocol';
import { expect, it } from 'vitest';
import { HttpTransport } from '@sdb/http';

const SECRET = 'Bearer header.c2VjcmV0.never-in-an-error';

/** A loopback port nothing listens on: one the OS just handed out and got back (fetch refuses well-known ports such as 9). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  return typeof address === 'object' && address ? address.port : 0;
}

let port = 0;

async function unreachableError(): Promise<ConnectionError> {
  port ||= await closedPort();
  const transport = new HttpTransport(`http://127.0.0.1:${port}`, { headers: { authorization: SECRET }, timeout: 5000 });
  try {
    return await transport.call('ping', []).then(
      () => expect.unreachable('the call resolved'),
      (error: unknown) => error as ConnectionError,
    );
  } finally {
    await transport.close();
  }
}

it('rejects with ConnectionError naming the URL, with the refused connection as its cause', async () => {
  const error = await unreachableError();
  expect(error).toBeInstanceOf(ConnectionError);
  expect(error.message).toMatch(new RegExp(`^Cannot reach http://127\\.0\\.0\\.1:${port}/rpc: .*ECONNREFUSED`));
  expect(error.cause).toBeInstanceOf(Error);
});

it('holds no header anywhere: not in the message, the cause, or any property', async () => {
  const error = await unreachableError();
  const everything = `${inspect(error, { depth: 10, showHidden: true })} ${JSON.stringify(error)} ${inspect(error.cause, { depth: 10, showHidden: true })}`;
  expect(everything).not.toContain('c2VjcmV0');
  expect(everything).not.toContain('authorization');
});
