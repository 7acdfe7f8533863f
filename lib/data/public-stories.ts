import 'server-only';
import { resolveBodyImages } from './body-images';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { cached } from '@/lib/cache/tagged-cache';
import { storyTags, tags } from '@/lib/cache/tags';
import { parseBody, type Doc } from '@/lib/editor/schema';
import type { Rendition } from '@/lib/media/process';
import { decodeCursor, encodeCursor } from '@/lib/pagination';

// What readers (and the public API) may see: published stories whose publication time has come.
// No viewer needed. Every read is cached under the tags of what it shows (lib/cache/tags.ts).

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
};

export type PublicImage = { src: string; srcSet: string; width: number; height: number; alt: string; caption: string; credit: string };

export type PublicStory = PublicStorySummary & {
  creditLine: string;
  dateline: string;
  seoTitle: string;
  seoDescription: string;
  /** The "Updated" time readers see (a correction or a published update), if any. */
  publicUpdatedAt: Date | null;
  corrections: { id: string; kind: 'CORRECTION' | 'CLARIFICATION'; text: string; createdAt: Date }[];
  body: Doc;
};

/** What the article view renders: a live story, or a preview of one that may not be published. */
export type ArticleData = Omit<PublicStory, 'publishedAt' | 'seoTitle' | 'seoDescription'> & { publishedAt: Date | null };

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
  section: { select: { name: true, slug: true } },
  authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true, slug: true } } } },
  tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { tag: { name: 'asc' } } },
  featuredImage: { select: imageSelect },
} as const satisfies Prisma.StorySelect;

type SummaryRow = Prisma.StoryGetPayload<{ select: typeof summarySelect }>;

export const liveWhere = (): Prisma.StoryWhereInput => ({ status: 'PUBLISHED', publishedAt: { lte: new Date() }, sectionId: { not: null } });

export function toImage(image: SummaryRow['featuredImage']): PublicImage | null {
  if (!image) return null;
  const renditions = (image.renditions as Rendition[]).slice().sort((a, b) => a.width - b.width);
  const main = renditions.find((r) => r.width >= 1200) ?? renditions.at(-1);
  if (!main) return null;
  return {
    src: main.src,
    srcSet: renditions.map((r) => `${r.src} ${r.width}w`).join(', '),
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
  };
}

/** Live stories by id, in one query (search results, related stories). */
export async function summariesById(ids: string[]): Promise<Map<string, PublicStorySummary>> {
  if (ids.length === 0) return new Map();
  const rows = await db.story.findMany({ where: { ...liveWhere(), id: { in: ids } }, select: summarySelect });
  return new Map(rows.map((r) => [r.id, toSummary(r)]));
}

export type StoryFilter = { section?: string; tag?: string; author?: string; cursor?: string | null; take?: number };

async function readStories(filter: StoryFilter): Promise<StoryPage> {
  const take = filter.take ?? 20;
  const after = decodeCursor(filter.cursor);
  const where: Prisma.StoryWhereInput = {
    ...liveWhere(),
    ...(filter.section ? { section: { slug: filter.section } } : {}),
    ...(filter.tag ? { tags: { some: { tag: { slug: filter.tag } } } } : {}),
    ...(filter.author ? { authors: { some: { user: { slug: filter.author } } } } : {}),
    ...(after
      ? { OR: [{ publishedAt: { lt: new Date(after.at) } }, { publishedAt: new Date(after.at), id: { gt: after.id } }] }
      : {}),
  };
  const rows = await db.story.findMany({ where, orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }], take: take + 1, select: summarySelect });
  const stories = rows.slice(0, take).map(toSummary);
  const last = stories.at(-1);
  return { stories, nextCursor: rows.length > take && last ? encodeCursor({ at: last.publishedAt.toISOString(), id: last.id }) : null };
}

function listTags(filter: StoryFilter, page: StoryPage): string[] {
  // A list shows new stories as they are published: it is tagged with what it is a list of, and
  // with every story on it so that a correction to one of them refreshes it.
  const scope = filter.section ? tags.section(filter.section) : filter.tag ? tags.tag(filter.tag) : filter.author ? tags.author(filter.author) : tags.home;
  return [scope, tags.home, ...page.stories.map((s) => tags.story(s.id))];
}

/** Published stories, newest first, optionally in one section, tag or author; cursor-paginated. */
export const listPublishedStories = cached('stories', readStories, ([filter], page) => listTags(filter, page));

const storySelect = {
  ...summarySelect,
  creditLine: true,
  dateline: true,
  seoTitle: true,
  seoDescription: true,
  corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } },
  body: true,
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
    dateline: row.dateline,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    publicUpdatedAt: row.publicUpdatedAt,
    corrections: row.corrections,
    body: await resolveBodyImages(db, body.doc),
  };
}

function tagsOfStory(story: PublicStory | null, fallback: string): string[] {
  if (!story) return [fallback, tags.home];
  return storyTags({ id: story.id, section: story.section.slug, tags: story.tags.map((t) => t.slug), authors: story.bylines.map((b) => b.slug) });
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

/** Other live stories sharing the most tags with this one, newest first among equals. */
export const listRelatedStories = cached(
  'related',
  async (storyId: string, take: number = 4): Promise<PublicStorySummary[]> => {
    const ids = await db.$queryRaw<{ id: string }[]>`
      SELECT other."storyId" AS id
      FROM "StoryTag" mine
      JOIN "StoryTag" other ON other."tagId" = mine."tagId" AND other."storyId" <> mine."storyId"
      JOIN "Story" s ON s."id" = other."storyId"
      WHERE mine."storyId" = ${storyId} AND s."status" = 'PUBLISHED' AND s."publishedAt" <= now() AND s."sectionId" IS NOT NULL
      GROUP BY other."storyId", s."publishedAt"
      ORDER BY count(*) DESC, s."publishedAt" DESC
      LIMIT ${take}`;
    const found = await summariesById(ids.map((r) => r.id));
    return ids.flatMap((r) => found.get(r.id) ?? []);
  },
  ([storyId], stories) => [tags.story(storyId), tags.home, ...stories.map((s) => tags.story(s.id))],
);

export type FrontPage = { lead: PublicStorySummary | null; top: PublicStorySummary[]; sections: { name: string; slug: string; stories: PublicStorySummary[] }[] };

/** The front page: the newest story leads, the next few are top stories, then each section's latest. */
export const getFrontPage = cached(
  'front',
  async (): Promise<FrontPage> => {
    const [{ stories }, sections] = await Promise.all([readStories({ take: 5 }), db.section.findMany({ orderBy: { position: 'asc' }, select: { name: true, slug: true } })]);
    const shown = new Set(stories.map((s) => s.id));
    const perSection = await Promise.all(
      sections.map(async (section) => {
        const page = await readStories({ section: section.slug, take: 4 + shown.size });
        return { ...section, stories: page.stories.filter((s) => !shown.has(s.id)).slice(0, 4) };
      }),
    );
    return { lead: stories[0] ?? null, top: stories.slice(1), sections: perSection.filter((s) => s.stories.length > 0) };
  },
  (_args, page) => [tags.home, tags.directory, ...[page.lead, ...page.top, ...page.sections.flatMap((s) => s.stories)].flatMap((s) => (s ? [tags.story(s.id)] : []))],
);
