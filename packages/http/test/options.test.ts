/**
 * The options @sdb/http shares with @sdb/ws and @sdb/embedded: validated at `connect` with an
 * `InvalidOptionError` naming the option, and one meaning of a timeout
 * (a number of ms > 0, `Infinity` for none; `0` is refused). HTTP answers that are not RPC
 * replies keep their status, typed.
 */
import { InvalidOptionError, NotAllowedError, ServerError } from '@sdb/protocol';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { connect, HttpStatusError, type HttpClient } from '@sdb/http';
import { rejection } from '../../protocol/test-support/rejection.ts';
import { rootClient, surrealdb } from './support.ts';

describe('options are validated at connect, before any request', () => {
  it.each([
    [{ timeout: 0 }, 'timeout'],
    [{ timeout: -5 }, 'timeout'],
    [{ timeout: '30s' as never }, 'timeout'],
    [{ namespace: '' }, 'namespace'],
    [{ database: 42 as never }, 'database'],
    [{ diagnostics: {} as never }, 'diagnostics'],
    [{ headers: 'x-trace: 1' as never }, 'headers'],
  ])('%j is refused with an InvalidOptionError naming the option', async (options, option) => {
    // Port 9 (discard): a request would fail with a ConnectionError, so the error proves none was sent.
    const error = await rejection(connect('http://127.0.0.1:9', options));
    expect(error).toBeInstanceOf(InvalidOptionError);
    expect(error).toMatchObject({ option, message: expect.stringMatching(new RegExp(`^connect: ${option} must `)) });
  });
});

describe('against the real server', () => {
  let db: HttpClient;
  beforeAll(async () => {
    ({ db } = await rootClient());
  });
  afterAll(() => db.close());

  it('a per-call timeout of 0 is refused with an InvalidOptionError; Infinity waits as long as it takes', async () => {
    await expect(db.query('RETURN 1', undefined, { timeout: 0 })).rejects.toMatchObject({ name: 'InvalidOptionError', option: 'timeout', message: expect.stringMatching(/^query: timeout must be/) });
    expect(await db.queryAll('RETURN 1', undefined, { timeout: Infinity })).toEqual([1]);
  });

  it('a base URL under which there is no /rpc: HttpStatusError with status 404', async () => {
    const error = await rejection<HttpStatusError>(connect(`${surrealdb().httpUrl}/elsewhere`));
    expect(error).toBeInstanceOf(HttpStatusError);
    expect(error.status).toBe(404);
    expect(error.message).toMatch(/^\/rpc answered HTTP 404/);
  });

  it('a refused token over HTTP is a NotAllowedError whose status (typed on ServerError) is 401', async () => {
    const guest = await connect(surrealdb().httpUrl);
    try {
      const error = await rejection<ServerError>(guest.export());
      expect(error).toBeInstanceOf(NotAllowedError);
      expect(error.status).toBe(401);
      expectTypeOf(error.status).toEqualTypeOf<number | undefined>();
    } finally {
      await guest.close();
    }
  });
});
