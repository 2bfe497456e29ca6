/**
 * Reading a JWT's expiry without verifying it, so a client signs in again before the server
 * refuses a stale token; anything else is left for the server to judge.
 */
import { describe, expect, test } from 'vitest';
import { tokenExpired, tokenExpiresAt } from '../src/transport.ts';

describe('token expiry', () => {
  const jwt = (payload: object) => `e30.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.sig`;

  test('reads exp from a JWT', () => {
    expect(tokenExpiresAt(jwt({ exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
    expect(tokenExpired(jwt({ exp: 1 }))).toBe(true);
    expect(tokenExpired(jwt({ exp: Math.floor(Date.now() / 1000) + 3600 }))).toBe(false);
  });

  test('a token without exp, or not a JWT, is never considered expired', () => {
    expect(tokenExpiresAt(jwt({ sub: 'x' }))).toBeUndefined();
    expect(tokenExpired('opaque-token')).toBe(false);
  });
});
