import 'server-only';
import { db } from '@/lib/db';
import { listPublicSections } from './public-directory';
import { liveSql, liveWhere } from './live';
import { storyPath, authorPath, sectionPath, tagPath } from '@/lib/urls';

// What the sitemaps list. The archive is split into one child sitemap per month of publication
// (a day, for a month with more than MAX_URLS stories), because a sitemap may hold at most 50,000
// addresses; the index names each child with the time its newest change was made. Reads select
// paths and dates only: sitemaps list the whole archive, so they must never load bodies.

export const MAX_URLS = 50_000;

export type SitemapUrl = { path: string; modifiedAt?: Date };
export type SitemapChild = { name: string; modifiedAt: Date | null };
export type NewsSitemapStory = { path: string; headline: string; publishedAt: Date; keywords: string[] };

const LIVE = liveSql('s');

/** The child sitemaps: "pages", then "stories-YYYY-MM" (or "stories-YYYY-MM-DD"), newest first. */
export async function listSitemapChildren(): Promise<SitemapChild[]> {
  // Counts per month come from the (status, publishedAt) index alone; the few stories updated
  // after publication are found through their own index and move their month's lastmod.
  const [months, updates] = await Promise.all([
    // One index range per month since the first story: no sort of the whole archive.
    db.$queryRawUnsafe<{ month: string; count: bigint; newest: Date }[]>(
      `WITH bounds AS (SELECT min("publishedAt") AS first FROM "Story" WHERE "status" = 'PUBLISHED')
       SELECT to_char(m, 'YYYY-MM') AS month, c.count, c.newest
       FROM bounds, generate_series(date_trunc('month', bounds.first), now() AT TIME ZONE 'UTC', interval '1 month') m
       CROSS JOIN LATERAL (
         SELECT count(*) AS count, max(s."publishedAt") AS newest FROM "Story" s
         WHERE ${LIVE} AND s."publishedAt" >= m AND s."publishedAt" < m + interval '1 month'
       ) c
       WHERE c.count > 0 ORDER BY m DESC`,
    ),
    db.$queryRawUnsafe<{ month: string; updated: Date }[]>(
      `SELECT to_char(date_trunc('month', s."publishedAt"), 'YYYY-MM') AS month, max(s."publicUpdatedAt") AS updated
       FROM "Story" s WHERE s."publicUpdatedAt" IS NOT NULL AND ${LIVE} GROUP BY 1`,
    ),
  ]);
  const updated = new Map(updates.map((u) => [u.month, u.updated]));
  const latest = (a: Date, b: Date | undefined) => (b && b > a ? b : a);
  const children: SitemapChild[] = [{ name: 'pages', modifiedAt: months.reduce<Date | null>((max, m) => (max && max > latest(m.newest, updated.get(m.month)) ? max : latest(m.newest, updated.get(m.month))), null) }];
  for (const month of months) {
    if (Number(month.count) <= MAX_URLS) {
      children.push({ name: `stories-${month.month}`, modifiedAt: latest(month.newest, updated.get(month.month)) });
      continue;
    }
    // A month too large for one file is listed by day.
    const range = childRange(`stories-${month.month}`)!;
    const days = await db.$queryRawUnsafe<{ day: string; modified: Date }[]>(
      `SELECT to_char(date_trunc('day', s."publishedAt"), 'YYYY-MM-DD') AS day, max(coalesce(s."publicUpdatedAt", s."publishedAt")) AS modified
       FROM "Story" s WHERE ${LIVE} AND s."publishedAt" >= $1 AND s."publishedAt" < $2 GROUP BY 1 ORDER BY 1 DESC`,
      range.from,
      range.to,
    );
    children.push(...days.map((d) => ({ name: `stories-${d.day}`, modifiedAt: d.modified })));
  }
  return children;
}

/** The time range a "stories-…" child covers, or null when the name is not one the index gives out. */
export function childRange(name: string): { from: Date; to: Date } | null {
  const match = /^stories-(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(name);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), match[3] ? Number(match[3]) : null];
  if (month < 1 || month > 12 || (day !== null && (day < 1 || day > 31))) return null;
  const from = new Date(Date.UTC(year, month - 1, day ?? 1));
  const to = day === null ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(year, month - 1, day + 1));
  if (from.getUTCMonth() !== month - 1) return null;
  return { from, to };
}

/** The live stories published in [from, to), oldest first. */
export async function listSitemapStories(range: { from: Date; to: Date }): Promise<SitemapUrl[]> {
  const rows = await db.$queryRawUnsafe<{ section: string; slug: string; modified: Date }[]>(
    `SELECT sec."slug" AS section, s."slug", coalesce(s."publicUpdatedAt", s."publishedAt") AS modified
     FROM "Story" s JOIN "Section" sec ON sec."id" = s."sectionId"
     WHERE ${LIVE} AND s."publishedAt" >= $1 AND s."publishedAt" < $2
     ORDER BY s."publishedAt", s."id" LIMIT ${MAX_URLS}`,
    range.from,
    range.to,
  );
  return rows.map((r) => ({ path: storyPath({ slug: r.slug, section: { slug: r.section } }), modifiedAt: r.modified }));
}

/** The front page, sections, authors and tags (up to the 50,000 a sitemap may hold). */
export async function listSitemapPages(): Promise<SitemapUrl[]> {
  // Tags and authors with a live story: one probe of the links' index each, no counting.
  const [sections, tagRows, authorRows] = await Promise.all([
    listPublicSections(),
    db.$queryRaw<{ slug: string }[]>`
      SELECT t."slug" FROM "Tag" t
      WHERE EXISTS (SELECT 1 FROM "StoryTag" x WHERE x."tagId" = t."id" AND x."liveAt" <= now())
      ORDER BY t."slug"
      LIMIT ${MAX_URLS}`,
    db.$queryRaw<{ slug: string }[]>`
      SELECT u."slug" FROM "User" u
      WHERE EXISTS (SELECT 1 FROM "StoryAuthor" x WHERE x."userId" = u."id" AND x."liveAt" <= now())
      ORDER BY u."slug"`,
  ]);
  const urls: SitemapUrl[] = [{ path: '/' }, ...sections.map((s) => ({ path: sectionPath(s) })), ...authorRows.map((a) => ({ path: authorPath(a) }))];
  return [...urls, ...tagRows.slice(0, MAX_URLS - urls.length).map((t) => ({ path: tagPath(t) }))];
}

/** Stories published since a moment, newest first, for the Google News sitemap. */
export async function listNewsSitemapStories(since: Date): Promise<NewsSitemapStory[]> {
  const rows = await db.story.findMany({
    where: { ...liveWhere(), publishedAt: { gte: since, lte: new Date() } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: 1_000,
    select: { slug: true, headline: true, publishedAt: true, section: { select: { slug: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ path: storyPath({ slug: r.slug, section: r.section! }), headline: r.headline, publishedAt: r.publishedAt!, keywords: r.tags.map((t) => t.tag.name) }));
}
