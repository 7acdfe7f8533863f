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

/**
 * Reading one story through its link (a random page of the archive) costs about what walking this
 * many entries of the time index does (measured at a million stories). With N stories and k wanted,
 * reading a tag's n links costs n reads and walking costs k·N/n entries: the two meet at
 * n = √(k·N / this). Hashing a link costs about what walking an entry does, and a probe per walked
 * story about what a read does, so hashing n links meets probing k·N/n stories at n = √(k·N · this).
 */
const LINK_READ_IN_WALKED = 200;

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
  const authorId = filters.mine ? viewer.id : filters.authorId;
  const filterSql = (withTag: boolean) => Prisma.sql`
    ${filters.status ? Prisma.sql`AND s."status" = ${filters.status}::"StoryStatus"` : Prisma.empty}
    ${filters.sectionId ? Prisma.sql`AND s."sectionId" = ${filters.sectionId}` : Prisma.empty}
    ${withTag && filters.tag ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id" AND t."slug" = ${filters.tag})` : Prisma.empty}
    ${authorId ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryAuthor" sa WHERE sa."storyId" = s."id" AND sa."userId" = ${authorId})` : Prisma.empty}
    ${filters.cursor ? Prisma.sql`AND (s."updatedAt", s."id") < (SELECT c."updatedAt", c."id" FROM "Story" c WHERE c."id" = ${filters.cursor})` : Prisma.empty}`;
  // A search or a tag chooses the page's ids in one statement, filters and cursor included.
  let chosen: { id: string }[] | null = null;
  if (q) {
    // A common word can match most of an archive, and the list needs only the newest few.
    chosen = await db.$queryRaw<{ id: string }[]>`
      WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
      ${newestMatches({
        column: 'updatedAt',
        limit: take + 1,
        // After a cursor, the time windows count back from the cursor's story.
        anchor: filters.cursor ? Prisma.sql`(SELECT c."updatedAt" FROM "Story" c WHERE c."id" = ${filters.cursor})` : undefined,
        words: Prisma.sql`query.tsq`,
        where: Prisma.sql`TRUE ${filterSql(true)}`,
      })}
      SELECT c."id" FROM candidates c ORDER BY c."at" DESC, c."id" DESC`;
  } else if (filters.tag) {
    // Newest first by update among a tag's stories, three ways by the tag's size n (see
    // LINK_READ_IN_WALKED): few links, each story read through its link and sorted; many, the
    // newest stories walked in the covering time index, each id looked up in a hash of the tag's
    // links (`IN (…) IS TRUE` keeps the planner from turning the hash into one read per link); very
    // many, the walk probes the links' index per story (hashing a third of the archive costs more).
    chosen = await db.$queryRaw<{ id: string }[]>`
      WITH tag AS (SELECT "id" FROM "Tag" WHERE "slug" = ${filters.tag}),
      bounds AS MATERIALIZED (
        SELECT sqrt(greatest(c."reltuples", 1) * ${take + 1} / ${LINK_READ_IN_WALKED}) AS few, sqrt(greatest(c."reltuples", 1) * ${take + 1} * ${LINK_READ_IN_WALKED}) AS many
        FROM pg_class c WHERE c."oid" = '"Story"'::regclass),
      size AS MATERIALIZED (SELECT count(*) AS n FROM (SELECT 1 FROM "StoryTag" st, tag WHERE st."tagId" = tag."id" LIMIT (SELECT ceil(many)::bigint FROM bounds)) x),
      by_links AS MATERIALIZED (
        SELECT s."id" FROM "StoryTag" st JOIN tag ON st."tagId" = tag."id" JOIN "Story" s ON s."id" = st."storyId"
        WHERE (SELECT n FROM size) < (SELECT few FROM bounds) ${filterSql(false)}
        ORDER BY s."updatedAt" DESC, s."id" DESC LIMIT ${take + 1}),
      by_hash AS MATERIALIZED (
        SELECT s."id" FROM "Story" s
        WHERE (SELECT n FROM size) >= (SELECT few FROM bounds) AND (SELECT n FROM size) < (SELECT many FROM bounds) ${filterSql(false)}
          AND (s."id" IN (SELECT st."storyId" FROM "StoryTag" st, tag WHERE st."tagId" = tag."id")) IS TRUE
        ORDER BY s."updatedAt" DESC, s."id" DESC LIMIT ${take + 1}),
      by_probe AS MATERIALIZED (
        SELECT s."id" FROM "Story" s
        WHERE (SELECT n FROM size) >= (SELECT many FROM bounds) ${filterSql(false)}
          AND (SELECT true FROM "StoryTag" st WHERE st."storyId" = s."id" AND st."tagId" = (SELECT "id" FROM tag) LIMIT 1)
        ORDER BY s."updatedAt" DESC, s."id" DESC LIMIT ${take + 1})
      SELECT "id" FROM by_links UNION ALL SELECT "id" FROM by_hash UNION ALL SELECT "id" FROM by_probe`;
  }
  if (chosen) where.id = { in: chosen.map((r) => r.id) };
  const rows = await db.story.findMany({
    where,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: take + 1,
    ...(filters.cursor && !chosen ? { cursor: { id: filters.cursor }, skip: 1 } : {}),
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
