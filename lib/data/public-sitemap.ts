import 'server-only';
import { db } from '@/lib/db';
import { listPublicAuthors, listPublicSections, listPublicTags } from './public-directory';
import { storyPath, authorPath, sectionPath, tagPath } from '@/lib/urls';

// What the sitemaps list. The archive is split into one child sitemap per month of publication
// (a day, for a month with more than MAX_URLS stories), because a sitemap may hold at most 50,000
// addresses; the index names each child with the time its newest change was made. Reads select
// paths and dates only: sitemaps list the whole archive, so they must never load bodies.

export const MAX_URLS = 50_000;

export type SitemapUrl = { path: string; modifiedAt?: Date };
export type SitemapChild = { name: string; modifiedAt: Date | null };
export type NewsSitemapStory = { path: string; headline: string; publishedAt: Date; keywords: string[] };

const LIVE = `s."status" = 'PUBLISHED' AND s."publishedAt" <= now() AND s."sectionId" IS NOT NULL`;

/** The child sitemaps: "pages", then "stories-YYYY-MM" (or "stories-YYYY-MM-DD"), newest first. */
export async function listSitemapChildren(): Promise<SitemapChild[]> {
  const days = await db.$queryRawUnsafe<{ day: string; count: bigint; modified: Date }[]>(
    `SELECT to_char(s."publishedAt" AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, count(*) AS count,
            max(coalesce(s."publicUpdatedAt", s."publishedAt")) AS modified
     FROM "Story" s WHERE ${LIVE} GROUP BY 1 ORDER BY 1 DESC`,
  );
  const months = new Map<string, { count: number; modified: Date; days: typeof days }>();
  for (const row of days) {
    const key = row.day.slice(0, 7);
    const month = months.get(key) ?? { count: 0, modified: row.modified, days: [] };
    month.count += Number(row.count);
    if (row.modified > month.modified) month.modified = row.modified;
    month.days.push(row);
    months.set(key, month);
  }
  const children: SitemapChild[] = [{ name: 'pages', modifiedAt: days[0]?.modified ?? null }];
  for (const [key, month] of months) {
    if (month.count <= MAX_URLS) children.push({ name: `stories-${key}`, modifiedAt: month.modified });
    else children.push(...month.days.map((d) => ({ name: `stories-${d.day}`, modifiedAt: d.modified })));
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

/** The front page, sections, tags and authors (the busiest tags first, should there be too many). */
export async function listSitemapPages(): Promise<SitemapUrl[]> {
  const [sections, tagList, authors] = await Promise.all([listPublicSections(), listPublicTags(), listPublicAuthors()]);
  const urls: SitemapUrl[] = [{ path: '/' }, ...sections.map((s) => ({ path: sectionPath(s) })), ...authors.map((a) => ({ path: authorPath(a) }))];
  const room = MAX_URLS - urls.length;
  const busiest = tagList.length > room ? [...tagList].sort((a, b) => b.storyCount - a.storyCount).slice(0, room) : tagList;
  return [...urls, ...busiest.map((t) => ({ path: tagPath(t) }))];
}

/** Stories published since a moment, newest first, for the Google News sitemap. */
export async function listNewsSitemapStories(since: Date): Promise<NewsSitemapStory[]> {
  const rows = await db.story.findMany({
    where: { status: 'PUBLISHED', sectionId: { not: null }, publishedAt: { gte: since, lte: new Date() } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: 1_000,
    select: { slug: true, headline: true, publishedAt: true, section: { select: { slug: true } }, tags: { select: { tag: { select: { name: true } } } } },
  });
  return rows.map((r) => ({ path: storyPath({ slug: r.slug, section: r.section! }), headline: r.headline, publishedAt: r.publishedAt!, keywords: r.tags.map((t) => t.tag.name) }));
}
