import 'server-only';
import { db } from '@/lib/db';
import { ForbiddenError } from './errors';
import { loadStoryFor } from './story-access';
import { assertCan, type Viewer } from './viewer';

// What editors read about the workflow: the queue of stories waiting for review, and a story's trail.

export type QueueItem = {
  id: string;
  headline: string;
  section: string | null;
  bylines: string[];
  wordCount: number;
  submittedAt: Date;
  legalHold: boolean;
  embargoUntil: Date | null;
};

/** The review queue and a story's activity show at most this many rows (the oldest waiting, the newest events). */
const LIST_LIMIT = 200;

/** Stories waiting for an editor, oldest first. */
export async function listReviewQueue(viewer: Viewer | null): Promise<QueueItem[]> {
  assertCan(viewer, 'newsroom.enter');
  if (viewer.role === 'REPORTER') throw new ForbiddenError('The review queue is for editors.');
  const rows = await db.story.findMany({
    where: { status: 'IN_REVIEW' },
    orderBy: { statusChangedAt: 'asc' },
    take: LIST_LIMIT,
    select: {
      id: true,
      headline: true,
      wordCount: true,
      statusChangedAt: true,
      legalHold: true,
      embargoUntil: true,
      section: { select: { name: true } },
      authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section?.name ?? null,
    bylines: r.authors.map((a) => a.user.name),
    wordCount: r.wordCount,
    submittedAt: r.statusChangedAt,
    legalHold: r.legalHold,
    embargoUntil: r.embargoUntil && r.embargoUntil > new Date() ? r.embargoUntil : null,
  }));
}

export type ActivityItem = { id: string; action: string; actor: string; fromState: string | null; toState: string | null; note: string; at: Date };

/** The story's audit trail, newest first. */
export async function listStoryActivity(viewer: Viewer | null, storyId: string): Promise<ActivityItem[]> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const rows = await db.auditEvent.findMany({
    where: { storyId },
    orderBy: { createdAt: 'desc' },
    take: LIST_LIMIT,
    select: { id: true, action: true, fromState: true, toState: true, note: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor?.name ?? 'Masthead', fromState: r.fromState, toState: r.toState, note: r.note, at: r.createdAt }));
}
