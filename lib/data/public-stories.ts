import 'server-only';
import { resolveBodyRefs } from './body-images';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { cached } from '@/lib/cache/tagged-cache';
import { storyCacheKeys, cacheKeys } from '@/lib/cache/keys';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { publicBody } from '@/lib/editor/public-body';
import type { Rendition } from '@/lib/media/process';
import { publicMediaSrc } from '@/lib/media/urls';
import { decodeCursor, encodeCursor } from '@/lib/pagination';
import { liveSql, liveWhere } from './live';

// What readers (and the public API) may see: published stories whose publication time has come.
// No viewer needed. Every read is cached under the tags of what it shows (lib/cache/keys.ts).

export type Byline = { name: string; slug: string };

export type PublicStorySummary = {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  section: { name: string; slug: string };
  bylines: Byline[];
  tags: { name: string; slug: string }[];
  publishedAt: Date;
  updatedAt: Date;
  image: PublicImage | null;
  /** A live blog whose coverage is running: lists mark it "Live". */
  liveNow: boolean;
};

export type PublicImage = { src: string; srcSet: string; width: number; height: number; alt: string; caption: string; credit: string };

export type PublicStory = PublicStorySummary & {
  creditLine: string;
  /** An agency's byline kept from the wire item the story was made from ("Jane Doe, Agency"). */
  agencyByline: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  /** The "Updated" time readers see (a correction or a published update), if any. */
  publicUpdatedAt: Date | null;
  corrections: { id: string; kind: 'CORRECTION' | 'CLARIFICATION'; text: string; createdAt: Date }[];
  body: Doc;
  /** A live blog's body is its summary; its entries come from lib/data/live-public.ts. */
  live: boolean;
};

/** What the article view renders: a live story, or a preview of one that may not be published. */
export type ArticleData = Omit<PublicStory, 'publishedAt' | 'seoTitle' | 'seoDescription' | 'live' | 'liveNow'> & { publishedAt: Date | null };

export type StoryPage = { stories: PublicStorySummary[]; nextCursor: string | null };

export const imageSelect = { width: true, height: true, altText: true, caption: true, credit: true, renditions: true } as const satisfies Prisma.MediaSelect;

const summarySelect = {
  id: true,
  headline: true,
  dek: true,
  slug: true,
  publishedAt: true,
  updatedAt: true,
  publicUpdatedAt: true,
  format: true,
  coverageEndedAt: true,
  section: { select: { name: true, slug: true } },
  authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true } } } },
  tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { tag: { name: 'asc' } } },
  featuredImage: { select: imageSelect },
} as const satisfies Prisma.StorySelect;

type SummaryRow = Prisma.StoryGetPayload<{ select: typeof summarySelect }>;

export { liveWhere };

export function toImage(image: SummaryRow['featuredImage']): PublicImage | null {
  if (!image) return null;
  const renditions = (image.renditions as Rendition[]).slice().sort((a, b) => a.width - b.width);
  const main = renditions.find((r) => r.width >= 1200) ?? renditions.at(-1);
  if (!main) return null;
  return {
    src: publicMediaSrc(main.src),
    srcSet: renditions.map((r) => `${publicMediaSrc(r.src)} ${r.width}w`).join(', '),
    width: main.width,
    height: main.height,
    alt: image.altText,
    caption: image.caption,
    credit: image.credit,
  };
}

function toSummary(r: SummaryRow): PublicStorySummary {
  return {
    id: r.id,
    headline: r.headline,
    dek: r.dek,
    slug: r.slug,
    publishedAt: r.publishedAt!,
    // What readers call "updated": a correction or a published update, not an internal save.
    updatedAt: r.publicUpdatedAt ?? r.publishedAt!,
    section: r.section!,
    bylines: r.authors.map((a) => a.user),
    tags: r.tags.map((t) => t.tag),
    image: toImage(r.featuredImage),
    liveNow: r.format === 'LIVE' && r.coverageEndedAt === null,
  };
}

/** Live stories by id, in one query (search results, related stories). */
async function summaryRowsById(ids: string[]) {
  if (ids.length === 0) return new Map<string, SummaryRow>();
  const rows = await db.story.findMany({ where: { ...liveWhere(), id: { in: ids } }, select: summarySelect });
  return new Map(rows.map((r) => [r.id, r]));
}

export async function summariesById(ids: string[]): Promise<Map<string, PublicStorySummary>> {
  const rows = await summaryRowsById(ids);
  return new Map([...rows].map(([id, r]) => [id, toSummary(r)]));
}

export type StoryFilter = { section?: string; tag?: string; author?: string; cursor?: string | null; take?: number };

type Cursor = NonNullable<ReturnType<typeof decodeCursor>>;

/**
 * The ids of one page of a tag's or an author's stories, read from the links' own index
 * (StoryTag/StoryAuthor.liveAt, kept by triggers): a long-tail tag or a byline from years ago is
 * found as fast as today's, without walking the archive newest first.
 */
async function linkedPageIds(filter: StoryFilter, after: Cursor | null, take: number): Promise<string[]> {
  const [table, key, target] = filter.tag
    ? [Prisma.raw('"StoryTag"'), Prisma.raw('"tagId"'), Prisma.sql`(SELECT "id" FROM "Tag" WHERE "slug" = ${filter.tag})`]
    : [Prisma.raw('"StoryAuthor"'), Prisma.raw('"userId"'), Prisma.sql`(SELECT "id" FROM "User" WHERE "slug" = ${filter.author})`];
  const at = after ? new Date(after.at) : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT x."storyId" AS id FROM ${table} x
    WHERE x.${key} = ${target} AND x."liveAt" <= now()
      ${at ? Prisma.sql`AND x."liveAt" <= ${at} AND (x."liveAt" < ${at} OR x."storyId" > ${after!.id})` : Prisma.empty}
      ${filter.tag && filter.author ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryAuthor" a JOIN "User" u ON u."id" = a."userId" WHERE a."storyId" = x."storyId" AND u."slug" = ${filter.author})` : Prisma.empty}
      ${filter.section ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Story" s JOIN "Section" sec ON sec."id" = s."sectionId" WHERE s."id" = x."storyId" AND sec."slug" = ${filter.section})` : Prisma.empty}
    ORDER BY x."liveAt" DESC, x."storyId" ASC
    LIMIT ${take + 1}`;
  return rows.map((r) => r.id);
}

/**
 * The ids of one page of the newest stories, or of one section's, from the (sectionId, status,
 * publishedAt, id) and (status, publishedAt, id) indexes, which hold them in page order. Ids first,
 * rows second: had the row query (with its joined bylines, tags and image) also chosen the page,
 * PostgreSQL could build those joins for every candidate before sorting.
 */
async function storyPageIds(filter: StoryFilter, after: Cursor | null, take: number): Promise<string[]> {
  const at = after ? new Date(after.at) : null;
  const rows = await db.$queryRaw<{ id: string }[]>`
    SELECT s."id" FROM "Story" s
    WHERE ${Prisma.raw(liveSql('s'))}
      ${filter.section ? Prisma.sql`AND s."sectionId" = (SELECT "id" FROM "Section" WHERE "slug" = ${filter.section})` : Prisma.empty}
      ${at ? Prisma.sql`AND s."publishedAt" <= ${at} AND (s."publishedAt" < ${at} OR s."id" > ${after!.id})` : Prisma.empty}
    ORDER BY s."publishedAt" DESC, s."id" ASC
    LIMIT ${take + 1}`;
  return rows.map((r) => r.id);
}

export async function readStories(filter: StoryFilter): Promise<StoryPage> {
  const take = filter.take ?? 20;
  const after = decodeCursor(filter.cursor);
  const ids = filter.tag || filter.author ? await linkedPageIds(filter, after, take) : await storyPageIds(filter, after, take);
  const found = await summaryRowsById(ids);
  const rows = ids.flatMap((id) => found.get(id) ?? []);
  const stories = rows.slice(0, take).map(toSummary);
  const last = stories.at(-1);
  return { stories, nextCursor: ids.length > take && last ? encodeCursor({ at: last.publishedAt.toISOString(), id: last.id }) : null };
}

function listTags(filter: StoryFilter, page: StoryPage): string[] {
  // A list shows new stories as they are published: it is tagged with what it is a list of, and
  // with every story on it so that a correction to one of them refreshes it.
  const scope = filter.section ? cacheKeys.section(filter.section) : filter.tag ? cacheKeys.tag(filter.tag) : filter.author ? cacheKeys.author(filter.author) : cacheKeys.home;
  return [scope, cacheKeys.home, ...page.stories.map((s) => cacheKeys.story(s.id))];
}

/** Published stories, newest first, optionally in one section, tag or author; cursor-paginated. */
export const listPublishedStories = cached('stories', readStories, ([filter], page) => listTags(filter, page));

const storySelect = {
  ...summarySelect,
  creditLine: true,
  agencyByline: true,
  dateline: true,
  seoTitle: true,
  seoDescription: true,
  corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } },
  body: true,
  format: true,
} as const satisfies Prisma.StorySelect;

async function readStory(where: Prisma.StoryWhereInput): Promise<PublicStory | null> {
  const row = await db.story.findFirst({ where: { ...liveWhere(), ...where }, select: storySelect });
  if (!row) return null;
  // Bodies were validated on write; re-checking on read means a bad row can never reach a reader.
  const body = parseBody(row.body);
  if (!body.ok) throw new Error(`Story ${row.id} has an invalid body: ${body.error}`);
  return {
    ...toSummary(row),
    creditLine: row.creditLine,
    agencyByline: row.agencyByline,
    dateline: row.dateline,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    publicUpdatedAt: row.publicUpdatedAt,
    corrections: row.corrections,
    body: await resolveBodyRefs(db, publicBody(body.doc)),
    live: row.format === 'LIVE',
  };
}

function tagsOfStory(story: PublicStory | null, fallback: string): string[] {
  if (!story) return [fallback, cacheKeys.home];
  return storyCacheKeys({ id: story.id, section: story.section.slug, tags: story.tags.map((t) => t.slug), authors: story.bylines.map((b) => b.slug) });
}

/** The live story at /{section}/{slug}. */
export const getPublishedStory = cached(
  'story',
  (section: string, slug: string) => readStory({ slug, section: { slug: section } }),
  ([section, slug], story) => tagsOfStory(story, `path:${section}/${slug}`),
);

/** The live story with this id or slug (the API accepts either). */
export const getPublishedStoryByIdOrSlug = cached(
  'story-ref',
  (ref: string) => readStory({ OR: [{ id: ref }, { slug: ref }] }),
  ([ref], story) => tagsOfStory(story, `ref:${ref}`),
);

const RELATED_PER_TAG = 200;

/** Other live stories sharing the most tags with this one (among each tag's newest), newest first among equals. */
export const listRelatedStories = cached(
  'related',
  async (storyId: string, take: number = 4): Promise<PublicStorySummary[]> => {
    // Each shared tag contributes its newest live stories (from the links' own index), so that a
    // tag on a third of the archive costs no more than a rare one.
    const ids = await db.$queryRaw<{ id: string }[]>`
      SELECT c."storyId" AS id
      FROM "StoryTag" mine
      CROSS JOIN LATERAL (
        SELECT o."storyId", o."liveAt" FROM "StoryTag" o
        WHERE o."tagId" = mine."tagId" AND o."storyId" <> mine."storyId" AND o."liveAt" <= now()
        ORDER BY o."liveAt" DESC, o."storyId"
        LIMIT ${RELATED_PER_TAG}
      ) c
      WHERE mine."storyId" = ${storyId}
      GROUP BY c."storyId"
      ORDER BY count(*) DESC, max(c."liveAt") DESC, c."storyId"
      LIMIT ${take}`;
    const found = await summariesById(ids.map((r) => r.id));
    return ids.flatMap((r) => found.get(r.id) ?? []);
  },
  ([storyId], stories) => [cacheKeys.story(storyId), cacheKeys.home, ...stories.map((s) => cacheKeys.story(s.id))],
);
