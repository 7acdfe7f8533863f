import 'server-only';
import { db } from '@/lib/db';
import { parseBody, type Doc } from '@/lib/editor/schema';

// What readers may see: published stories whose publication time has arrived. No viewer needed.

export type Byline = { name: string; slug: string };

export type PublicStorySummary = {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  section: { name: string; slug: string };
  bylines: Byline[];
  publishedAt: Date;
};

export type PublicStory = PublicStorySummary & {
  creditLine: string;
  dateline: string;
  updatedAt: Date;
  /** The "Updated" time readers see (a correction or a published update), if any. */
  publicUpdatedAt: Date | null;
  corrections: { id: string; kind: 'CORRECTION' | 'CLARIFICATION'; text: string; createdAt: Date }[];
  body: Doc;
  tags: { name: string; slug: string }[];
};

/** What the article view renders: a live story, or a preview of one that may not be published. */
export type ArticleData = Omit<PublicStory, 'publishedAt'> & { publishedAt: Date | null };

const bylineSelect = {
  orderBy: { position: 'asc' },
  select: { user: { select: { name: true, slug: true } } },
} as const;

const summarySelect = {
  id: true,
  headline: true,
  dek: true,
  slug: true,
  publishedAt: true,
  section: { select: { name: true, slug: true } },
  authors: bylineSelect,
} as const;

const live = () => ({ status: 'PUBLISHED' as const, publishedAt: { lte: new Date() }, sectionId: { not: null } });

function toSummary(r: {
  id: string;
  headline: string;
  dek: string;
  slug: string;
  publishedAt: Date | null;
  section: { name: string; slug: string } | null;
  authors: { user: Byline }[];
}): PublicStorySummary {
  return {
    id: r.id,
    headline: r.headline,
    dek: r.dek,
    slug: r.slug,
    publishedAt: r.publishedAt!,
    section: r.section!,
    bylines: r.authors.map((a) => a.user),
  };
}

export async function listPublishedStories(options: { sectionSlug?: string; take?: number } = {}): Promise<PublicStorySummary[]> {
  const { sectionSlug, take = 30 } = options;
  const rows = await db.story.findMany({
    where: { ...live(), ...(sectionSlug ? { section: { slug: sectionSlug } } : {}) },
    orderBy: { publishedAt: 'desc' },
    take,
    select: summarySelect,
  });
  return rows.map(toSummary);
}

export async function getPublishedStory(sectionSlug: string, slug: string): Promise<PublicStory | null> {
  const row = await db.story.findFirst({
    where: { ...live(), slug, section: { slug: sectionSlug } },
    select: {
      ...summarySelect,
      creditLine: true,
      dateline: true,
      updatedAt: true,
      publicUpdatedAt: true,
      corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } },
      body: true,
      tags: { select: { tag: { select: { name: true, slug: true } } }, orderBy: { tag: { name: 'asc' } } },
    },
  });
  if (!row) return null;
  // Bodies were validated on write; re-checking on read means a bad row can never reach a reader.
  const body = parseBody(row.body);
  if (!body.ok) throw new Error(`Story ${row.id} has an invalid body: ${body.error}`);
  return {
    ...toSummary(row),
    creditLine: row.creditLine,
    dateline: row.dateline,
    updatedAt: row.updatedAt,
    publicUpdatedAt: row.publicUpdatedAt,
    corrections: row.corrections,
    body: body.doc,
    tags: row.tags.map((t) => t.tag),
  };
}
