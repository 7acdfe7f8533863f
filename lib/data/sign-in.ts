import 'server-only';
import { db } from '@/lib/db';
import { verifyPasswordIfStillAllowed } from '@/lib/passwords';
import { clearSignInFailures, recordSignInFailure, signInLocked } from './rate-limits';

/**
 * Checks an email and password. Returns the user's id, or null for every kind of refusal (unknown
 * email, wrong password, deactivated account, too many failures) so that callers can only show one
 * generic message.
 *
 * The lock is checked before any hashing, and again once a hash slot is free: guesses sent in
 * parallel queue at the hash gate, and those still waiting when the limit is reached cost nothing.
 */
export async function verifySignIn(email: string, password: string, address: string): Promise<{ id: string } | null> {
  if (await signInLocked(email, address)) return null;
  const user = await db.user.findUnique({ where: { email }, select: { id: true, active: true, passwordHash: true } });
  const ok = await verifyPasswordIfStillAllowed(user?.passwordHash ?? null, password, {
    proceed: async () => !(await signInLocked(email, address)),
    onWrong: () => recordSignInFailure(email, address),
  });
  if (ok !== true || !user) return null;
  await clearSignInFailures(email, address);
  return user.active ? { id: user.id } : null;
}
