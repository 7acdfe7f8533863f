import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Viewer } from './viewer';

export type NotificationItem = { id: string; kind: string; text: string; storyId: string | null; createdAt: Date; read: boolean };

/** Queues notes for people inside the caller's transaction; nobody is told about their own act. */
export async function notify(
  tx: Prisma.TransactionClient,
  recipients: string[],
  note: { kind: string; text: string; storyId?: string; actorId?: string | null },
) {
  const userIds = [...new Set(recipients)].filter((id) => id !== note.actorId);
  if (userIds.length === 0) return;
  await tx.notification.createMany({ data: userIds.map((userId) => ({ userId, kind: note.kind, text: note.text, storyId: note.storyId })) });
}

/** Everyone who reviews stories: editors and admins who are active. */
export async function editorIds(tx: Prisma.TransactionClient): Promise<string[]> {
  const rows = await tx.user.findMany({ where: { active: true, role: { in: ['EDITOR', 'ADMIN'] } }, select: { id: true } });
  return rows.map((r) => r.id);
}

export async function countUnread(viewer: Viewer | null): Promise<number> {
  assertCan(viewer, 'newsroom.enter');
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

/**
 * The inbox, newest first. Opening it marks as read exactly what it shows: not older notes beyond
 * the hundred listed, nor any that arrive while it loads.
 */
export async function openInbox(viewer: Viewer | null): Promise<NotificationItem[]> {
  assertCan(viewer, 'newsroom.enter');
  const rows = await db.notification.findMany({
    where: { userId: viewer.id },
    orderBy: { createdAt: 'desc' },
    take: 100,
    select: { id: true, kind: true, text: true, storyId: true, createdAt: true, readAt: true },
  });
  const shownUnread = rows.filter((r) => r.readAt === null).map((r) => r.id);
  if (shownUnread.length > 0) await db.notification.updateMany({ where: { id: { in: shownUnread }, userId: viewer.id, readAt: null }, data: { readAt: new Date() } });
  return rows.map(({ readAt, ...r }) => ({ ...r, read: readAt !== null }));
}
