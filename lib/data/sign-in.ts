import 'server-only';
import { db } from '@/lib/db';
import { burnVerifyTime, verifyPassword } from '@/lib/passwords';
import {
  ACCOUNT_FAILURE_LIMIT,
  IP_FAILURE_LIMIT,
  accountKey,
  clearFailures,
  ipKey,
  isLocked,
  recordFailure,
} from './login-throttle';

/**
 * Checks an email and password. Returns the user's id, or null for every kind of refusal (unknown
 * email, wrong password, deactivated account, locked account or address) so that callers can only
 * show one generic message.
 */
export async function verifySignIn(email: string, password: string, ip: string): Promise<{ id: string } | null> {
  const keys = [accountKey(email), ipKey(ip)];
  if (await isLocked(keys)) {
    await burnVerifyTime(password);
    return null;
  }

  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, active: true, passwordHash: true },
  });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await burnVerifyTime(password), false);

  if (!user || !ok) {
    await recordFailure(keys[0]!, ACCOUNT_FAILURE_LIMIT);
    await recordFailure(keys[1]!, IP_FAILURE_LIMIT);
    return null;
  }
  await clearFailures(keys[0]!);
  return user.active ? { id: user.id } : null;
}
