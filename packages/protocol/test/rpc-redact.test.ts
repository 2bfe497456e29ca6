/**
 * What a diagnostics hook or a log may see of an RPC call: never a password, key or token.
 */
import { describe, expect, it } from 'vitest';
import { credentialsToWire, redactParams } from '../src/transport.ts';

describe('redactParams', () => {
  it('masks the password of a user signin, keeping who and where', () => {
    const wire = credentialsToWire({ namespace: 'app', database: 'main', username: 'root', password: 'hunter2' });
    expect(redactParams('signin', [wire])).toEqual([{ NS: 'app', DB: 'main', user: 'root', pass: '***' }]);
  });

  it('masks every record-access variable, bearer key and refresh token', () => {
    const signup = credentialsToWire({ namespace: 'app', database: 'main', access: 'account', variables: { email: 'e@x', pwd: 'p' } });
    const bearer = credentialsToWire({ namespace: 'app', access: 'api', key: 'surreal-bearer-k' });
    expect(redactParams('signup', [signup])).toEqual([{ NS: 'app', DB: 'main', AC: 'account', email: '***', pwd: '***' }]);
    expect(JSON.stringify(redactParams('signin', [bearer]))).not.toContain('surreal-bearer-k');
  });

  it('masks tokens of authenticate, refresh and revoke', () => {
    expect(redactParams('authenticate', ['a.b.c'])).toEqual(['***']);
    expect(redactParams('refresh', [{ access: 'a.b.c', refresh: 'r' }])).toEqual(['***']);
    expect(redactParams('revoke', ['a.b.c'])).toEqual(['***']);
  });

  it('leaves the params of other methods as they are', () => {
    const params = ['SELECT * FROM person WHERE age > $min', { min: 18 }];
    expect(redactParams('query', params)).toBe(params);
  });
});
