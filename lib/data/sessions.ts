import 'server-only';
import { randomBytes } from 'node:crypto';
import { cache } from 'react';
import { db } from '@/lib/db';
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
  const row = await db.userSession.findFirst({
    where: { id: sessionId, expiresAt: { gt: new Date() }, user: { active: true } },
    select: { user: { select: { id: true, name: true, email: true, role: true, active: true } } },
  });
  return row?.user ?? null;
});

export async function endSession(sessionId: string): Promise<void> {
  await db.userSession.deleteMany({ where: { id: sessionId } });
}

/** Ends a person's sessions, all of them or all but the one they are using. */
export async function endSessionsOf(tx: Prisma.TransactionClient, userId: string, except?: string): Promise<number> {
  const { count } = await tx.userSession.deleteMany({ where: { userId, ...(except ? { id: { not: except } } : {}) } });
  return count;
}
