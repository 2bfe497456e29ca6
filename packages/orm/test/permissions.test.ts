/**
 * Record-level permissions declared on a model (`permissions` → DEFINE TABLE … PERMISSIONS),
 * with two signed-in record users, an owner and an intruder, over @sdb/ws and @sdb/http.
 * SurrealDB 3 answers a write its permissions deny with an empty result and no error: every ORM
 * write of the intruder that affects nothing raises `RecordNotAffectedError` (queryset
 * `update()`/`delete()` answer 0), and the owner's record is left as it was.
 */
import { eq, field, param } from '@sdb/ql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { f, model, pushSchema, RecordNotAffectedError, type OrmClient } from '../src/index.ts';
import { recordUserScope, type RecordUserScope, type UserTransport } from './record-users.ts';

const ownUser = eq(field('id'), param('auth'));
const Account = model(
  'account_user',
  { email: f.string().unique(), password: f.string().permissions({ select: 'none' }) },
  { schemafull: true, permissions: { select: ownUser, update: ownUser, create: 'none', delete: 'none' }, access: { name: 'members', identity: 'email', password: 'password' } },
);

const ownNote = eq(field('owner'), param('auth'));
const Note = model(
  'note',
  { owner: f.link(() => Account), text: f.string() },
  { schemafull: true, permissions: { select: ownNote, create: ownNote, update: ownNote, delete: ownNote } },
);
type NoteInstance = InstanceType<typeof Note>;

describe.each(['ws', 'http'] as UserTransport[])('record-level permissions over %s', (transport) => {
  let scope: RecordUserScope;
  let owner: OrmClient;
  let intruder: OrmClient;
  let note: NoteInstance;

  /** The note as stored, read by root. */
  const stored = async () => (await Note.objects.using(scope.root).get({ id: note.id })).text;

  beforeAll(async () => {
    scope = await recordUserScope(transport, 'orm_perm');
    await pushSchema([Account, Note], { using: scope.root });
    const at = { namespace: scope.namespace, database: scope.database };
    owner = await scope.guest();
    intruder = await scope.guest();
    const { user } = await Account.signup({ email: 'owner@x.io', password: 'owner-pass' }, { using: owner, ...at });
    await Account.signup({ email: 'intruder@x.io', password: 'intruder-pass' }, { using: intruder, ...at });
    note = await Note.objects.using(owner).create({ owner: user.id, text: 'mine' });
  });

  afterAll(() => scope?.close());

  it('pushSchema puts the PERMISSIONS on the table', async () => {
    const [info] = await scope.root.queryAll<[{ tables: Record<string, string> }]>('INFO FOR DB');
    expect(info.tables.note).toContain('PERMISSIONS FOR select, create, update, delete WHERE owner = $auth');
  });

  it('the intruder sees nothing: queries answer no rows', async () => {
    expect(await Note.objects.using(intruder).count()).toBe(0);
    expect(await Note.objects.using(intruder).filter({ id: note.id }).exists()).toBe(false);
  });

  it("the intruder's save() raises RecordNotAffectedError and changes nothing", async () => {
    note.text = 'hacked';
    await expect(note.save({ using: intruder })).rejects.toThrow(RecordNotAffectedError);
    note.text = 'mine';
    expect(await stored()).toBe('mine');
  });

  it("the intruder's merge() raises RecordNotAffectedError and changes nothing", async () => {
    await expect(note.merge({ text: 'hacked' }, { using: intruder })).rejects.toThrow(RecordNotAffectedError);
    expect(await stored()).toBe('mine');
  });

  it("the intruder's delete() raises RecordNotAffectedError and the record stays", async () => {
    const copy = await Note.objects.using(scope.root).get({ id: note.id });
    await expect(copy.delete({ using: intruder })).rejects.toThrow(RecordNotAffectedError);
    expect(await stored()).toBe('mine');
  });

  it("the intruder's queryset update() and delete() answer 0 and change nothing", async () => {
    expect(await Note.objects.using(intruder).filter({ id: note.id }).update({ text: 'hacked' })).toBe(0);
    expect(await Note.objects.using(intruder).update({ text: 'hacked' })).toBe(0);
    expect(await Note.objects.using(intruder).delete()).toBe(0);
    expect(await stored()).toBe('mine');
  });

  it("the intruder's upsert() of the owner's record raises RecordNotAffectedError", async () => {
    await expect(Note.objects.using(intruder).upsert({ id: note.id }, { text: 'hacked' })).rejects.toThrow(RecordNotAffectedError);
    expect(await stored()).toBe('mine');
  });

  it('the owner may do all of it (the same calls succeed for the right user)', async () => {
    await note.merge({ text: 'still mine' }, { using: owner });
    expect(await stored()).toBe('still mine');
    expect(await Note.objects.using(owner).filter({ id: note.id }).update({ text: 'mine' })).toBe(1);
    expect(await Note.objects.using(owner).count()).toBe(1);
  });
});
