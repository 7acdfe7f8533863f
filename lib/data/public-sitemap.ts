import 'server-only';
import { db } from '@/lib/db';
import { listPublicSections } from './public-directory';
import { liveSql } from './live';
import { storyPath, authorPath, sectionPath, tagPath } from '@/lib/urls';

// What the sitemaps list. The archive is split into one child sitemap per month of publication
// (runs of days for a month over FILE_STORIES stories, a day for one over MAX_URLS, since a
// sitemap may hold at most 50,000 addresses); the index names each child with the time its newest
// change was made. Reads select paths and dates only: sitemaps list the whole archive, so they
// must never load bodies.

export const MAX_URLS = 50_000;
/**
 * About how many stories a file lists: a larger month is listed in runs of days, each holding about
 * this many. A file's cost grows with its addresses (a month of a million-story archive is 8,000 and
 * over a megabyte: half of one took 75 ms to answer, of which 19 ms were SQL), and crawlers fetch
 * each file whole.
 */
export const FILE_STORIES = 2_000;

export type SitemapUrl = { path: string; modifiedAt?: Date };
export type SitemapChild = { name: string; modifiedAt: Date | null };
export type NewsSitemapStory = { path: string; headline: string; publishedAt: Date; keywords: string[] };

const LIVE = liveSql('s');

/** The child sitemaps: "pages", then "stories-YYYY-MM" (or "stories-YYYY-MM-DD"), newest first. */
export async function listSitemapChildren(): Promise<SitemapChild[]> {
  // One row per month, kept by triggers on "Story" (migration sitemap_months): the index never
  // counts the archive. Months after this one hold only stories scheduled ahead: not listed yet.
  const now = new Date();
  const thisMonth = now.toISOString().slice(0, 7);
  const months = await db.sitemapMonth.findMany({ where: { stories: { gt: 0 }, month: { lte: thisMonth } }, orderBy: { month: 'desc' } });
  const modified = (at: Date | null) => (at && at > now ? now : at);
  const newest = months.reduce<Date | null>((max, m) => (m.modifiedAt && (!max || m.modifiedAt > max) ? m.modifiedAt : max), null);
  const children: SitemapChild[] = [{ name: 'pages', modifiedAt: modified(newest) }];
  for (const month of months) {
    if (month.stories <= FILE_STORIES) {
      children.push({ name: `stories-${month.month}`, modifiedAt: modified(month.modifiedAt) });
      continue;
    }
    if (month.stories <= MAX_URLS) {
      // Runs of days, as many as the month's count says (news is published about evenly through a
      // month), each dated by the month's last change.
      const days = new Date(childRange(`stories-${month.month}`)!.to.getTime() - 86_400_000).getUTCDate();
      const length = Math.ceil(days / Math.min(days, Math.ceil(month.stories / FILE_STORIES)));
      const day = (d: number) => String(d).padStart(2, '0');
      for (let first = 1; first <= days; first += length) {
        const last = Math.min(days, first + length - 1);
        children.push({ name: `stories-${month.month}-${day(first)}${last > first ? `-${day(last)}` : ''}`, modifiedAt: modified(month.modifiedAt) });
      }
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

/**
 * The time range a "stories-…" child covers, or null when the name is not one the index gives out:
 * a month ("stories-2024-11"), a day ("stories-2024-11-16") or days of one month, both included
 * ("stories-2024-11-16-30").
 */
export function childRange(name: string): { from: Date; to: Date } | null {
  const match = /^stories-(\d{4})-(\d{2})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(name);
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  const first = match[3] ? Number(match[3]) : null;
  const last = match[4] ? Number(match[4]) : first;
  if (month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (first !== null && (first < 1 || last! < first || last! > days)) return null;
  const from = new Date(Date.UTC(year, month - 1, first ?? 1));
  const to = first === null ? new Date(Date.UTC(year, month, 1)) : new Date(Date.UTC(year, month - 1, last! + 1));
  return { from, to };
}

/** The live stories published in [from, to), oldest first. */
export async function listSitemapStories(range: { from: Date; to: Date }): Promise<SitemapUrl[]> {
  // A month holds thousands of stories: they come back as one text, a line per story, since
  // mapping rows one at a time costs several times the query itself. Slugs hold no tab or newline.
  const [result] = await db.$queryRawUnsafe<{ lines: string | null }[]>(
    `SELECT string_agg(x.line, E'\\n' ORDER BY x."publishedAt", x."id") AS lines FROM (
       SELECT sec."slug" || E'\\t' || s."slug" || E'\\t' || to_char(coalesce(s."publicUpdatedAt", s."publishedAt"), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS line, s."publishedAt", s."id"
       FROM "Story" s JOIN "Section" sec ON sec."id" = s."sectionId"
       WHERE ${LIVE} AND s."publishedAt" >= $1 AND s."publishedAt" < $2
       ORDER BY s."publishedAt", s."id" LIMIT ${MAX_URLS}
     ) x`,
    range.from,
    range.to,
  );
  if (!result?.lines) return [];
  return result.lines.split('\n').map((line) => {
    const [section, slug, modified] = line.split('\t') as [string, string, string];
    return { path: storyPath({ slug, section: { slug: section } }), modifiedAt: new Date(modified) };
  });
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
  // Two days of a large newsroom are hundreds of stories, each with its tags: they come back as
  // one JSON text, parsed at once (a row and a relation per story cost several times the query).
  const [result] = await db.$queryRawUnsafe<{ rows: string | null }[]>(
    `SELECT json_agg(json_build_array(x.section, x.slug, x.headline, x.at, x.keywords) ORDER BY x."publishedAt" DESC, x."id")::text AS rows FROM (
       SELECT sec."slug" AS section, s."slug", s."headline", s."publishedAt", s."id",
         to_char(s."publishedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
         ARRAY(SELECT t."name" FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id" ORDER BY t."name") AS keywords
       FROM "Story" s JOIN "Section" sec ON sec."id" = s."sectionId"
       WHERE ${LIVE} AND s."publishedAt" >= $1
       ORDER BY s."publishedAt" DESC, s."id" LIMIT 1000
     ) x`,
    since,
  );
  if (!result?.rows) return [];
  const rows = JSON.parse(result.rows) as [string, string, string, string, string[]][];
  return rows.map(([section, slug, headline, at, keywords]) => ({ path: storyPath({ slug, section: { slug: section } }), headline, publishedAt: new Date(at), keywords }));
}
