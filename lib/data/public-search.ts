import 'server-only';
import { MATCH_END, MATCH_START } from '@/lib/reading/snippet-marks';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { decodeCursor, encodeCursor } from '@/lib/pagination';
import { summariesById, type PublicStorySummary } from './public-stories';
import { liveSql } from './live';
import { newestMatches } from './search-window';

// Reader search over published stories: PostgreSQL full-text search on the same weighted vector the
// desk uses (headline A, dek B, body C), ranked, with a highlighted snippet. Not cached: queries are
// as many as readers type; each is one statement for the matches plus one for the rows.

export type SearchHit = PublicStorySummary & { snippet: string };
export type SearchPage = { hits: SearchHit[]; nextCursor: string | null; query: string };

export const MAX_QUERY_LENGTH = 200;
/** How many of the newest matches are ranked. */
export const CANDIDATES = 100;
/**
 * A live blog whose coverage has ended ranks below a story matching as well: the story written
 * from the day's events is the better answer once they are over (while coverage runs, the blog
 * ranks as any story).
 */
const ENDED_LIVE_WEIGHT = 0.8;
/** How much of a story's text its snippet is cut from (about 1,000 words). */
const SNIPPET_SOURCE = 6000;

export type SearchOptions = { cursor?: string | null; take?: number; section?: string; tag?: string; author?: string };

export async function searchPublishedStories(query: string, options: SearchOptions = {}): Promise<SearchPage> {
  const q = query.trim().slice(0, MAX_QUERY_LENGTH);
  const take = options.take ?? 10;
  const after = decodeCursor(options.cursor);
  if (!q) return { hits: [], nextCursor: null, query: q };
  const afterRank = after?.rank ?? null;
  const scope = Prisma.sql`${options.section ? Prisma.sql`AND EXISTS (SELECT 1 FROM "Section" x WHERE x."id" = s."sectionId" AND x."slug" = ${options.section})` : Prisma.empty}
    ${options.tag ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryTag" st JOIN "Tag" t ON t."id" = st."tagId" WHERE st."storyId" = s."id" AND t."slug" = ${options.tag})` : Prisma.empty}
    ${options.author ? Prisma.sql`AND EXISTS (SELECT 1 FROM "StoryAuthor" sa JOIN "User" u ON u."id" = sa."userId" WHERE sa."storyId" = s."id" AND u."slug" = ${options.author})` : Prisma.empty}`;
  // Ranked among the newest CANDIDATES matches: a common word matches much of an archive, and
  // ranking every match reads every matching story's vector. For news, the newest matches are the
  // ones a reader means (found by time window, search-window.ts); snippets are made for the page's
  // rows only.
  const rows = await db.$queryRaw<{ id: string; rank: number; publishedAt: Date; snippet: string }[]>`
    WITH query AS (SELECT websearch_to_tsquery('english', ${q}) AS tsq),
    ${newestMatches({ column: 'publishedAt', limit: CANDIDATES, words: Prisma.sql`query.tsq`, where: Prisma.sql`${Prisma.raw(liveSql('s'))} ${scope}` })},
    matches AS (
      SELECT s."id", s."publishedAt",
        ts_rank(s."searchVector", query.tsq)::float8 * CASE WHEN s."format" = 'LIVE' AND s."coverageEndedAt" IS NOT NULL THEN ${ENDED_LIVE_WEIGHT}::float8 ELSE 1 END AS rank
      FROM candidates c JOIN "Story" s ON s."id" = c."id", query
    ),
    page AS (
      SELECT *, row_number() OVER (ORDER BY rank DESC, "id" ASC) AS n FROM matches
      WHERE ${afterRank}::float8 IS NULL OR rank < ${afterRank}::float8 OR (rank = ${afterRank}::float8 AND "id" > ${after?.id ?? ''})
      ORDER BY rank DESC, "id" ASC
      LIMIT ${take + 1}
    )
    -- A snippet parses the text it is cut from: only for the rows shown (not the one that tells
    -- whether a next page exists), and from the story's first SNIPPET_SOURCE characters, where a
    -- news story says what it is about.
    SELECT page."id", page.rank, page."publishedAt",
      CASE WHEN page.n <= ${take} THEN ts_headline('english', left(s."plainText", ${SNIPPET_SOURCE}), query.tsq,
        ${`StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=40, MinWords=20, MaxFragments=2, FragmentDelimiter=" … "`}) ELSE '' END AS snippet
    FROM page JOIN "Story" s ON s."id" = page."id", query
    ORDER BY page.rank DESC, page."id" ASC`;
  const page = rows.slice(0, take);
  const summaries = await summariesById(page.map((r) => r.id));
  const hits = page.flatMap((r) => {
    const summary = summaries.get(r.id);
    return summary ? [{ ...summary, snippet: r.snippet }] : [];
  });
  const last = page.at(-1);
  return { hits, query: q, nextCursor: rows.length > take && last ? encodeCursor({ at: last.publishedAt.toISOString(), id: last.id, rank: last.rank }) : null };
}
