import 'server-only';
import { db } from '@/lib/db';

// Six wrong passwords lock an account for 15 minutes; an address gets more room because a newsroom
// often signs in from behind one office NAT.
export const ACCOUNT_FAILURE_LIMIT = 6;
export const IP_FAILURE_LIMIT = 50;
const WINDOW_MS = 15 * 60 * 1000;
const LOCK_MS = 15 * 60 * 1000;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (ip: string) => `ip:${ip}`;

export async function isLocked(keys: string[]): Promise<boolean> {
  const locked = await db.loginThrottle.count({
    where: { key: { in: keys }, lockedUntil: { gt: new Date() } },
  });
  return locked > 0;
}

/** Counts one failure atomically; a key that reaches its limit within the window gets locked. */
export async function recordFailure(key: string, limit: number): Promise<void> {
  // Times come from here, not from SQL now(): the columns are UTC timestamps without a zone.
  const now = new Date();
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockedUntil = new Date(now.getTime() + LOCK_MS);
  await db.$executeRaw`
    INSERT INTO "LoginThrottle" ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${now}::timestamp, CASE WHEN ${limit} <= 1 THEN ${lockedUntil}::timestamp END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart}::timestamp THEN 1 ELSE "LoginThrottle"."failures" + 1 END,
      "windowStart" = CASE WHEN "LoginThrottle"."windowStart" < ${windowStart}::timestamp THEN ${now}::timestamp ELSE "LoginThrottle"."windowStart" END,
      "lockedUntil" = CASE
        WHEN "LoginThrottle"."windowStart" >= ${windowStart}::timestamp AND "LoginThrottle"."failures" + 1 >= ${limit}
        THEN ${lockedUntil}::timestamp
        ELSE "LoginThrottle"."lockedUntil" END`;
}

export async function clearFailures(key: string): Promise<void> {
  await db.loginThrottle.deleteMany({ where: { key } });
}
