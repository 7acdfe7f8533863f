import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { assertCan, type Viewer } from './viewer';

type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: 'user' | 'story' | 'setting' | 'media' | 'front' | 'budget' | 'liveEntry';
  entityId: string;
  storyId?: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string;
};

/** Writes an audit event inside the caller's transaction, so the change and its record land together. */
export function recordAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  return tx.auditEvent.create({ data: { ...event, note: event.note ?? '' } });
}

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  storyId: string | null;
  fromState: string | null;
  toState: string | null;
  note: string;
  /** The story's headline, when the event is about a story. */
  headline: string | null;
  /** What else the event is about, in words: a person's name, "settings", "an image". */
  target: string;
};

/** The newsroom-wide trail for admins, newest first, filtered and paged by cursor. */
export async function listAuditEvents(
  viewer: Viewer | null,
  filters: { action?: string; actorId?: string; entityType?: string; cursor?: string; take?: number } = {},
): Promise<{ events: AuditRow[]; nextCursor: string | null }> {
  assertCan(viewer, 'audit.viewAll');
  const take = Math.min(filters.take ?? 100, 200);
  const rows = await db.auditEvent.findMany({
    where: {
      ...(filters.action ? { action: { startsWith: filters.action } } : {}),
      ...(filters.actorId ? { actorId: filters.actorId } : {}),
      ...(filters.entityType ? { entityType: filters.entityType } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(filters.cursor ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
    select: { id: true, createdAt: true, action: true, entityType: true, entityId: true, storyId: true, fromState: true, toState: true, note: true, actor: { select: { name: true } }, story: { select: { headline: true } } },
  });
  const page = rows.slice(0, take);
  const people = new Map((await db.user.findMany({ where: { id: { in: page.filter((r) => r.entityType === 'user').map((r) => r.entityId) } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  const target = (r: (typeof page)[number]) => (r.entityType === 'user' ? (people.get(r.entityId) ?? 'a person') : r.entityType === 'media' ? 'an image' : r.entityType === 'settings' ? 'settings' : r.entityType);
  return {
    events: page.map(({ createdAt, actor, story, ...r }) => ({ ...r, at: createdAt, actor: actor?.name ?? 'Masthead', headline: story?.headline ?? null, target: target({ ...r, createdAt, actor, story }) })),
    nextCursor: rows.length > take ? page.at(-1)!.id : null,
  };
}
