import 'server-only';
import { databasePool, db } from '@/lib/db';
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

/** What a save reads of its story before it writes (the caller asks the permission table). */
export type StoryForSave = {
  status: StoryState;
  updateState: StoryState | null;
  slug: string;
  published: boolean;
  sectionId: string | null;
  /** The bylines in order, those of active people, and the tags' slugs: a save writes only the relations that changed. */
  authorIds: string[];
  activeAuthorIds: string[];
  tagSlugs: string[];
};

/**
 * One statement straight through the pool: every open editor saves every few seconds, and a read
 * through Prisma's client engine costs ten times the statement itself.
 */
export async function storyForSave(storyId: string): Promise<StoryForSave> {
  const { rows } = await databasePool().query<StoryForSave>(
    `SELECT s."status"::text AS "status", s."updateState"::text AS "updateState", s."slug", s."firstPublishedAt" IS NOT NULL AS "published", s."sectionId",
       coalesce((SELECT array_agg(a."userId" ORDER BY a."position") FROM "StoryAuthor" a WHERE a."storyId" = s."id"), '{}') AS "authorIds",
       coalesce((SELECT array_agg(a."userId") FROM "StoryAuthor" a JOIN "User" u ON u."id" = a."userId" WHERE a."storyId" = s."id" AND u."active"), '{}') AS "activeAuthorIds",
       coalesce((SELECT array_agg(t."slug") FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id"), '{}') AS "tagSlugs"
     FROM "Story" s WHERE s."id" = $1`,
    [storyId],
  );
  if (!rows[0]) throw new NotFoundError('That story does not exist.');
  return rows[0];
}
