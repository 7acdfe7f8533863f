import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { hashPassword, verifyPassword } from '@/lib/passwords';
import { newsroomUrl } from '@/lib/site';
import { passwordProblem } from '@/lib/validations/password';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { passwordCheckLocked, recordPasswordCheckFailure } from './rate-limits';
import { endSessionsOf } from './sessions';
import { assertCan, type Viewer } from './viewer';

// Changing one's own password, and the one-time links an admin issues when someone has forgotten
// theirs. Either way the person's other sessions end in the same transaction as the new hash.

export const RESET_LINK_HOURS = 24;

function refuseWeak(password: string, person: { name: string; email: string }) {
  const problem = passwordProblem(password, [person.name, person.email]);
  if (problem) throw new ValidationError(problem, { newPassword: [problem] });
}

export async function changeOwnPassword(
  viewer: Viewer | null,
  sessionId: string,
  input: { currentPassword: string; newPassword: string },
): Promise<{ endedSessions: number }> {
  assertCan(viewer, 'newsroom.enter');
  const wrong = 'Your current password is not right.';
  if (await passwordCheckLocked(viewer.id)) {
    const locked = 'Too many wrong current passwords; wait 15 minutes and try again.';
    throw new ValidationError(locked, { currentPassword: [locked] });
  }
  const row = await db.user.findUniqueOrThrow({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!(await verifyPassword(row.passwordHash, input.currentPassword))) {
    await recordPasswordCheckFailure(viewer.id);
    throw new ValidationError(wrong, { currentPassword: [wrong] });
  }
  if (input.newPassword === input.currentPassword) {
    throw new ValidationError('Choose a password different from the current one.', { newPassword: ['Choose a password different from the current one.'] });
  }
  refuseWeak(input.newPassword, viewer);
  const passwordHash = await hashPassword(input.newPassword);
  return db.$transaction(async (tx) => {
    // The hash read above is the one replaced: two changes at once cannot both win.
    const { count } = await tx.user.updateMany({ where: { id: viewer.id, passwordHash: row.passwordHash }, data: { passwordHash } });
    if (count === 0) throw new ConflictError('Your password was changed elsewhere just now; sign in again.');
    const endedSessions = await endSessionsOf(tx, viewer.id, sessionId);
    await recordAudit(tx, { actorId: viewer.id, action: 'user.password', entityType: 'user', entityId: viewer.id, note: `Ended ${endedSessions} other session(s)` });
    return { endedSessions };
  });
}

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

/** A link that lets one person set a new password once, within 24 hours. Earlier unused links stop working. */
export async function issuePasswordReset(viewer: Viewer | null, userId: string): Promise<{ url: string; expiresAt: Date }> {
  assertCan(viewer, 'user.manage');
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + RESET_LINK_HOURS * 3600 * 1000);
  await db.$transaction(async (tx) => {
    const person = await tx.user.findUnique({ where: { id: userId }, select: { active: true } });
    if (!person) throw new NotFoundError('That person does not exist.');
    if (!person.active) throw new ConflictError('Reactivate this account before issuing a reset link.');
    await tx.passwordReset.updateMany({ where: { userId, usedAt: null }, data: { expiresAt: new Date() } });
    await tx.passwordReset.create({ data: { tokenHash: tokenHash(token), userId, createdById: viewer.id, expiresAt } });
    await recordAudit(tx, { actorId: viewer.id, action: 'user.resetLink', entityType: 'user', entityId: userId, note: `Valid until ${expiresAt.toISOString()}` });
  });
  return { url: newsroomUrl(`/reset-password/${token}`), expiresAt };
}

/** Whom a reset link is for, if it can still be used. */
export async function findUsableReset(token: string): Promise<{ name: string; email: string } | null> {
  const reset = await db.passwordReset.findFirst({
    where: { tokenHash: tokenHash(token), usedAt: null, expiresAt: { gt: new Date() }, user: { active: true } },
    select: { user: { select: { name: true, email: true } } },
  });
  return reset?.user ?? null;
}

const UNUSABLE = 'This reset link has expired or has already been used. Ask an admin for a new one.';

/** Sets a new password through a reset link, once: the link is spent in the same transaction. */
export async function resetPasswordWithToken(token: string, newPassword: string): Promise<void> {
  const person = await db.passwordReset.findFirst({
    where: { tokenHash: tokenHash(token) },
    select: { user: { select: { name: true, email: true } } },
  });
  if (!person) throw new NotFoundError(UNUSABLE);
  refuseWeak(newPassword, person.user);
  const passwordHash = await hashPassword(newPassword);
  await db.$transaction(async (tx) => {
    const now = new Date();
    const reset = await tx.passwordReset.findUnique({ where: { tokenHash: tokenHash(token) }, select: { id: true, userId: true } });
    if (!reset) throw new NotFoundError(UNUSABLE);
    const spent = await tx.passwordReset.updateMany({ where: { id: reset.id, usedAt: null, expiresAt: { gt: now }, user: { active: true } }, data: { usedAt: now } });
    if (spent.count === 0) throw new NotFoundError(UNUSABLE);
    await tx.user.update({ where: { id: reset.userId }, data: { passwordHash } });
    const ended = await endSessionsOf(tx, reset.userId);
    await recordAudit(tx, { actorId: reset.userId, action: 'user.passwordReset', entityType: 'user', entityId: reset.userId, note: `Used a reset link; ended ${ended} session(s)` });
  });
}
