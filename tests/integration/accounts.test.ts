import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, NotFoundError, ValidationError } from '@/lib/data/errors';
import { changeOwnPassword, findUsableReset, issuePasswordReset, resetPasswordWithToken } from '@/lib/data/passwords';
import { endSession, findSessionViewer, openSession } from '@/lib/data/sessions';
import { createAccount, hasAnyAccount } from '@/lib/data/users';
import type { Viewer } from '@/lib/data/viewer';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { makeUser } from './helpers';

const OLD = 'an old but decent passphrase';
const NEW = 'copper lantern under quiet rivers';
let admin: Viewer;

beforeAll(async () => {
  admin = await makeUser('ADMIN');
});

async function person() {
  return makeUser('REPORTER', { passwordHash: await hashPassword(OLD) });
}

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

describe('accounts', () => {
  it('creates an account from the command line with no actor, audited as such', async () => {
    expect(await hasAnyAccount()).toBe(true);
    const { id } = await createAccount({ name: 'First Admin', email: `first-${Date.now()}@test.example`, role: 'ADMIN', password: NEW }, null);
    const row = await db.user.findUniqueOrThrow({ where: { id }, select: { role: true, passwordHash: true } });
    expect(row.role).toBe('ADMIN');
    expect(await verifyPassword(row.passwordHash, NEW)).toBe(true);
    expect(await db.auditEvent.findFirst({ where: { entityId: id, action: 'user.create' }, select: { actorId: true, note: true } })).toEqual({
      actorId: null,
      note: 'Created from the command line',
    });
  });

  it('signing out ends only that session', async () => {
    const user = await person();
    const [a, b] = [await openSession(user.id, 'a'), await openSession(user.id, 'b')];
    await endSession(a);
    expect(await findSessionViewer(a)).toBeNull();
    expect((await findSessionViewer(b))?.id).toBe(user.id);
  });
});

describe('changing one\'s own password', () => {
  it('refuses a wrong current password and changes nothing', async () => {
    const user = await person();
    const session = await openSession(user.id, 'here');
    const other = await openSession(user.id, 'elsewhere');
    await expect(changeOwnPassword(user, session, { currentPassword: 'not it', newPassword: NEW })).rejects.toThrow('Your current password is not right.');
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, OLD)).toBe(true);
    expect(await findSessionViewer(other)).not.toBeNull();
  });

  it.each([
    ['too short', 'short one', 'Use at least 12 characters.'],
    ['common', 'password1234', 'too common or too easy to guess'],
    ['a keyboard run', 'qwertyuiop123', 'too common or too easy to guess'],
  ])('refuses a %s new password', async (_what, newPassword, message) => {
    const user = await person();
    const session = await openSession(user.id, 'here');
    const error = await changeOwnPassword(user, session, { currentPassword: OLD, newPassword }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.newPassword?.[0]).toContain(message);
  });

  it('refuses a password made of the person\'s own name', async () => {
    const user = await person();
    const session = await openSession(user.id, 'here');
    const mine = `${user.name.replace(/\s+/g, '')}-1234`;
    await expect(changeOwnPassword(user, session, { currentPassword: OLD, newPassword: mine })).rejects.toThrow('Do not build your password from your name or email address.');
  });

  it('sets the new password, keeps this session, ends the others, and is audited', async () => {
    const user = await person();
    const here = await openSession(user.id, 'here');
    const elsewhere = [await openSession(user.id, 'phone'), await openSession(user.id, 'laptop')];
    expect(await changeOwnPassword(user, here, { currentPassword: OLD, newPassword: NEW })).toEqual({ endedSessions: 2 });
    expect((await findSessionViewer(here))?.id).toBe(user.id);
    for (const id of elsewhere) expect(await findSessionViewer(id)).toBeNull();
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, NEW)).toBe(true);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'user.password', actorId: user.id } })).toBe(1);
  });

  it('stops checking current passwords after five wrong ones', async () => {
    const user = await person();
    const session = await openSession(user.id, 'here');
    for (let i = 0; i < 5; i++) await changeOwnPassword(user, session, { currentPassword: `wrong ${i}`, newPassword: NEW }).catch(() => {});
    await expect(changeOwnPassword(user, session, { currentPassword: OLD, newPassword: NEW })).rejects.toThrow(/Too many wrong current passwords/);
  });
});

describe('reset links', () => {
  it('only admins issue them', async () => {
    const user = await person();
    const editor = await makeUser('EDITOR');
    await expect(issuePasswordReset(editor, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(issuePasswordReset(user, user.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.passwordReset.count({ where: { userId: user.id } })).toBe(0);
  });

  it('works once, within a day, ends every session, and is audited at both ends', async () => {
    const user = await person();
    const sessions = [await openSession(user.id, 'a'), await openSession(user.id, 'b')];
    const { url, expiresAt } = await issuePasswordReset(admin, user.id);
    expect(url).toMatch(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
    expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600 * 1000);
    const token = tokenOf(url);
    // Only a hash of the token is stored.
    expect(await db.passwordReset.count({ where: { tokenHash: token } })).toBe(0);
    expect(await findUsableReset(token)).toMatchObject({ email: user.email });

    await resetPasswordWithToken(token, NEW);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, NEW)).toBe(true);
    for (const id of sessions) expect(await findSessionViewer(id)).toBeNull();

    await expect(resetPasswordWithToken(token, 'another fine long passphrase')).rejects.toBeInstanceOf(NotFoundError);
    expect(await findUsableReset(token)).toBeNull();
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(after.passwordHash).toBe(row.passwordHash);
    const actions = await db.auditEvent.findMany({ where: { entityId: user.id }, orderBy: { createdAt: 'asc' }, select: { action: true, actorId: true } });
    expect(actions).toEqual([
      { action: 'user.resetLink', actorId: admin.id },
      { action: 'user.passwordReset', actorId: user.id },
    ]);
  });

  it('a link used twice at the same moment works once', async () => {
    const user = await person();
    const token = tokenOf((await issuePasswordReset(admin, user.id)).url);
    const results = await Promise.allSettled([resetPasswordWithToken(token, NEW), resetPasswordWithToken(token, 'a second racing passphrase')]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(await db.auditEvent.count({ where: { entityId: user.id, action: 'user.passwordReset' } })).toBe(1);
  });

  it('an expired link, or one replaced by a newer link, does not work', async () => {
    const user = await person();
    const first = tokenOf((await issuePasswordReset(admin, user.id)).url);
    const second = tokenOf((await issuePasswordReset(admin, user.id)).url);
    await expect(resetPasswordWithToken(first, NEW)).rejects.toBeInstanceOf(NotFoundError);
    await db.passwordReset.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPasswordWithToken(second, NEW)).rejects.toBeInstanceOf(NotFoundError);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { passwordHash: true } });
    expect(await verifyPassword(row.passwordHash, OLD)).toBe(true);
  });

  it('refuses a weak password through a link without spending it', async () => {
    const user = await person();
    const token = tokenOf((await issuePasswordReset(admin, user.id)).url);
    await expect(resetPasswordWithToken(token, 'password12345')).rejects.toBeInstanceOf(ValidationError);
    expect(await findUsableReset(token)).not.toBeNull();
  });
});
