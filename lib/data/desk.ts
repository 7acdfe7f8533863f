import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { StoryState } from '@/lib/permissions';
import { changeRequestsFor, type ChangeRequest } from './change-requests';
import { newestMatches } from './search-window';
import { assertCan, type Viewer } from './viewer';

// The desk: every story in the newsroom, filtered, searched and paged, as the desk page lists it.

export type DeskStory = {
  id: string;
  headline: string;
  status: StoryState;
  section: string | null;
  bylines: { name: string; slug: string }[];
  wordCount: number;
  updatedAt: Date;
  /** The editor's note while the story waits for changes. */
  changeRequest: ChangeRequest | null;
  legalHold: boolean;
  embargoUntil: Date | null;
};

export type DeskFilters = {
  status?: StoryState;
  sectionId?: string;
  tag?: string;
  authorId?: string;
  mine?: boolean;
  q?: string;
  cursor?: string;
  take?: number;
};

const bylineSelect = {
  orderBy: { position: 'asc' },
  select: { user: { select: { id: true, name: true, slug: true } } },
} as const;

/** The desk list: filtered, searched (PostgreSQL full text), newest first, paged by cursor. */
export async function listDeskStories(
  viewer: Viewer | null,
  filters: DeskFilters = {},
): Promise<{ stories: DeskStory[]; nextCursor: string | null }> {
  assertCan(viewer, 'newsroom.enter');
  const take = Math.min(filters.take ?? 50, 100);
  const where: Prisma.StoryWhereInput = {
    ...(filters.status ? { status: filters.status } : {}),
    ...(filters.sectionId ? { sectionId: filters.sectionId } : {}),
    ...(filters.tag ? { tags: { some: { tag: { slug: filters.tag } } } } : {}),
    ...(filters.authorId || filters.mine ? { authors: { some: { userId: filters.mine ? viewer.id : filters.authorId } } } : {}),
  };
  const q = filters.q?.trim();
  if (q) {
    // The page of matches is chosen in one query, filters and cursor included: a common word can
    // match most of an archive, and the list needs only the newest few.
    const authorId = filters.mine ? viewer.id : filters.authorId;
    const ids = await db.$queryRaw<{ id: string }[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      ${newestMatches({
        column: 'updatedAt',
        limit: take + 1,
        // After a cursor, the time windows count back from the cursor's story.
        anchor: filters.cursor ? Prisma.sql`(SELECT c."updatedAt" FROM "Story" c WHERE c."id" = ${filters.cursor})` : undefined,
        where: Prisma.sql`s."searchVector" @@ query.tsq
          ${filters.status ? Prisma.sql`AND s."status" = ${filters.status}::"StoryStatus"` : Prisma.empty}
          ${filters.sectionId ? Prisma.sql`AND s."sectionId" = ${filters.sectionId}` : Prisma.empty}
          ${filters.tag ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id" AND t."slug" = ${filters.tag})` : Prisma.empty}
          ${authorId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryAuthor" sa WHERE sa."storyId" = s."id" AND sa."userId" = ${authorId})` : Prisma.empty}
          ${filters.cursor ? Prisma.sql`AND (s."updatedAt", s."id") < (SELECT c."updatedAt", c."id" FROM "Story" c WHERE c."id" = ${filters.cursor})` : Prisma.empty}`,
      })}
      SELECT c."id" FROM candidates c ORDER BY c."at" DESC, c."id" DESC`;
    where.id = { in: ids.map((r) => r.id) };
  }
  const rows = await db.story.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(filters.cursor && !q ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
    select: {
      id: true,
      headline: true,
      status: true,
      wordCount: true,
      updatedAt: true,
      legalHold: true,
      embargoUntil: true,
      section: { select: { name: true } },
      authors: bylineSelect,
    },
  });
  const page = rows.slice(0, take);
  const requests = await changeRequestsFor(page.filter((r) => r.status === 'CHANGES_REQUESTED').map((r) => r.id));
  return {
    stories: page.map((r) => ({
      changeRequest: requests.get(r.id) ?? null,
      legalHold: r.legalHold,
      embargoUntil: r.embargoUntil && r.embargoUntil > new Date() ? r.embargoUntil : null,
      id: r.id,
      headline: r.headline,
      status: r.status,
      wordCount: r.wordCount,
      updatedAt: r.updatedAt,
      section: r.section?.name ?? null,
      bylines: r.authors.map((a) => ({ name: a.user.name, slug: a.user.slug })),
    })),
    nextCursor: rows.length > take ? page.at(-1)!.id : null,
  };
}
