import 'server-only';
import { randomBytes } from 'node:crypto';
import { cache } from 'react';
import { databasePool, db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Viewer } from './viewer';

// Signed-in browsers. The session cookie names a row here; a request is signed in only while its
// row exists, belongs to an active person and has not expired. Deleting rows is how sessions end:
// signing out ends one, a password, role or deactivation change ends the person's others.

export const SESSION_SECONDS = 12 * 60 * 60;

export async function openSession(userId: string, userAgent: string): Promise<string> {
  const id = randomBytes(24).toString('base64url');
  await db.$transaction([
    // Expired rows are cleared as new ones are made, so the table stays the size of who is signed in.
    db.userSession.deleteMany({ where: { userId, expiresAt: { lt: new Date() } } }),
    db.userSession.create({ data: { id, userId, userAgent: userAgent.slice(0, 300), expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000) } }),
  ]);
  return id;
}

/**
 * The person a session belongs to, read from the database on every request (once per render
 * thanks to `cache`), so that a revoked session, a deactivation or a role change takes effect at once.
 */
export const findSessionViewer = cache(async (sessionId: string): Promise<Viewer | null> => {
  // Straight through the pool: every signed-in request asks this, and one plain statement costs a
  // tenth of what a query through Prisma's client engine does. Times are stored in UTC.
  const { rows } = await databasePool().query<Viewer>(
    `SELECT u."id", u."name", u."email", u."role"::text AS "role", u."active"
     FROM "UserSession" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."id" = $1 AND s."expiresAt" > (now() AT TIME ZONE 'UTC') AND u."active"`,
    [sessionId],
  );
  return rows[0] ?? null;
});

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends a person's sessions, all of them or all but the one they are using. */
export async function endSessionsOf(tx: Prisma.TransactionClient, userId: string, except?: string): Promise<number> {
  const { count } = await tx.userSession.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}
