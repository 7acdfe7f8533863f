import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { can, DEFAULT_POLICY, type Policy, type StoryAction, type StoryRef, type StoryState } from '@/lib/permissions';
import { ForbiddenError, NotFoundError } from './errors';
import type { Viewer } from './viewer';

// The first step of every story operation: read the story and ask the permission table whether
// this person may do this to it. One place, so that no operation reads a story without asking.

/** What every story operation reads to authorise (operations that read more add their columns). */
export const ACCESS_COLUMNS = {
  id: true,
  status: true,
  version: true,
  headline: true,
  slug: true,
  updateState: true,
  firstPublishedAt: true,
  sectionId: true,
  scheduledAt: true,
  legalHold: true,
  legalHoldReason: true,
  legalHoldAt: true,
  legalHoldById: true,
  embargoUntil: true,
  takenDownAt: true,
  takedownReason: true,
  takenDownById: true,
  wireKilledAt: true,
  section: { select: { slug: true } },
  authors: { select: { userId: true } },
} satisfies Prisma.StorySelect;

export type AccessedStory = Omit<Prisma.StoryGetPayload<{ select: typeof ACCESS_COLUMNS }>, 'authors'> & {
  authorIds: string[];
  /** What the permission table is asked about: the state and the bylines. */
  ref: StoryRef;
};

/**
 * The story, if `viewer` may `action` on it; otherwise NotFoundError or ForbiddenError. `judgeAs`
 * asks about another state than the story's (a live story's pending update is judged by its own).
 * Without an action the caller asks the table itself (after checks that come first, such as the
 * step no longer applying). Callers have asserted `newsroom.enter`, which narrows the viewer.
 */
export async function loadStoryFor(
  viewer: Viewer,
  storyId: string,
  action: StoryAction | null,
  options: { judgeAs?: StoryState; policy?: Policy } = {},
): Promise<AccessedStory> {
  return authorised(viewer, await db.story.findUnique({ where: { id: storyId }, select: ACCESS_COLUMNS }), action, options);
}

/** loadStoryFor's judgement of a row read with ACCESS_COLUMNS (and any more), by a caller that reads it itself (inside its transaction). */
export function authorised<Row extends Prisma.StoryGetPayload<{ select: typeof ACCESS_COLUMNS }>>(
  viewer: Viewer,
  row: Row | null,
  action: StoryAction | null,
  options: { judgeAs?: StoryState; policy?: Policy } = {},
): Omit<Row, 'authors'> & { authorIds: string[]; ref: StoryRef } {
  if (!row) throw new NotFoundError('That story does not exist.');
  const { authors, ...story } = row;
  const authorIds = authors.map((a) => a.userId);
  const ref = { status: story.status, authorIds };
  if (action && !can(viewer, action, { status: options.judgeAs ?? story.status, authorIds }, options.policy ?? DEFAULT_POLICY)) throw new ForbiddenError();
  return { ...story, authorIds, ref };
}

/**
 * Inside a transaction: waits for, then holds until the commit, the lock on the story's row that
 * every write taking a story towards readers, and every write that stops it (hold, embargo,
 * takedown), takes first. What such a write checks after it is what it then writes.
 */
export async function lockStory(tx: Prisma.TransactionClient, storyId: string): Promise<void> {
  await tx.$queryRaw`SELECT 1 FROM "Story" WHERE "id" = ${storyId} FOR UPDATE`;
}
