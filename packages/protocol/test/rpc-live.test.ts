/**
 * How transports tell live notifications from replies, and read them.
 */
import { describe, expect, it } from 'vitest';
import { ProtocolError, RecordId, Uuid } from '../src/index.ts';
import { isLiveNotification, parseLiveNotification } from '../src/transport.ts';

const id = Uuid.v4();
const record = new RecordId('person', 'tobie');
const notification = { id, action: 'CREATE', record, result: { id: record, name: 'Tobie' } };

describe('isLiveNotification', () => {
  it('a frame with no id whose result is a notification is one', () => {
    expect(isLiveNotification({ result: notification })).toBe(true);
    expect(isLiveNotification({ id: null, result: { ...notification, action: 'KILLED', record: undefined, result: undefined } })).toBe(true);
  });

  it('a reply to a request (it has an id) is not, even when its result looks like one', () => {
    expect(isLiveNotification({ id: 7, result: notification })).toBe(false);
  });

  it('a result without a Uuid id or with an unknown action is not', () => {
    expect(isLiveNotification({ result: { ...notification, id: id.toString() } })).toBe(false);
    expect(isLiveNotification({ result: { ...notification, action: 'UPSERT' } })).toBe(false);
    expect(isLiveNotification({ result: [1, 2] })).toBe(false);
    expect(isLiveNotification(null)).toBe(false);
    expect(isLiveNotification('CREATE')).toBe(false);
  });
});

describe('parseLiveNotification', () => {
  it('reads a notification, leaving out a NONE session', () => {
    const parsed = parseLiveNotification({ ...notification, session: undefined });
    expect(parsed).toEqual(notification);
    expect('session' in parsed).toBe(false);
  });

  it('keeps the session the server names', () => {
    const session = Uuid.v4();
    expect(parseLiveNotification({ ...notification, session }).session).toBe(session);
  });

  it('anything else is a ProtocolError', () => {
    expect(() => parseLiveNotification({ action: 'CREATE' })).toThrow(ProtocolError);
    expect(() => parseLiveNotification(undefined)).toThrow(ProtocolError);
  });
});
