import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// The newest matches of a full-text query, without reading every match. A common word matches a
// good part of a large archive (at a million stories, "council" matches 130,000): finding its
// newest few by reading all its matches and sorting them costs hundreds of milliseconds, and
// walking the time index while testing each story's vector reads a vector per story passed.
// Instead the search index holds each story's publication and update times beside its words
// (a GIN index over the vector and both times, through btree_gin), so that "matches of the last
// 30 days" is one index scan that reads no story that does not match. Three stages, in one
// statement:
//
// 1. the last 30 days (two common words of a million-story archive have 50 to 250 matches there);
//    enough matches there ends the search;
// 2. else, how many those days held says how far back enough matches lie: a window of that length
//    (with half again for margin), at most a year;
// 3. a word so rare that a year would not hold enough, or one whose matches lie further back than
//    the first window suggested, is looked for over the whole archive: for such a word a short list.
//
// A stage's scan costs about as much as its window holds stories: at a million stories two common
// words took 19 ms over 30 days, 32 over 60, 56 over 120 and 100 over 240. So the callers ask for
// few matches (the reader's search ranks 100) and the first window is short; a search it does not
// satisfy scans a second window sized by its count. (The second window cannot skip the first's
// days: the index reads a bound "before" as every key from the oldest, hundreds of ms.)

export const FIRST_WINDOW_DAYS = 30;
const WIDEST_WINDOW_DAYS = 365;
const MARGIN = 1.5;

export type WindowColumn = 'publishedAt' | 'updatedAt';

/**
 * CTE definitions ending in `candidates ("id", "at")`: the newest `limit` stories of alias `s`
 * satisfying `where`, newest by `column`, up to `anchor` (a timestamp expression; the window is
 * counted back from it). `where` may use the CTE `query`, which the caller defines first.
 */
export function newestMatches(options: { column: WindowColumn; where: Prisma.Sql; limit: number; anchor?: Prisma.Sql }): Prisma.Sql {
  const column = Prisma.raw(`s."${options.column}"`);
  const anchor = options.anchor ?? Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  const limit = options.limit;
  // Days × matches per window: the window that should hold `limit` matches is spread / k days.
  const spread = FIRST_WINDOW_DAYS * limit * MARGIN;
  // `+ interval '0 s'` keeps the planner from walking the time index and testing each vector.
  const stage = (extra: Prisma.Sql) => Prisma.sql`
    SELECT s."id", ${column} AS "at" FROM "Story" s, query
    WHERE ${options.where} ${extra}
    ORDER BY ${column} + interval '0 s' DESC, s."id" DESC
    LIMIT ${limit}`;
  return Prisma.sql`
    recent AS MATERIALIZED (${stage(Prisma.sql`AND ${column} > ${anchor} - ${`${FIRST_WINDOW_DAYS} days`}::interval`)}),
    counted AS MATERIALIZED (SELECT count(*)::float8 AS k FROM recent),
    ranged AS MATERIALIZED (${stage(Prisma.sql`
      AND (SELECT k FROM counted) < ${limit} AND (SELECT k FROM counted) * ${WIDEST_WINDOW_DAYS} >= ${spread}
      AND ${column} > ${anchor} - make_interval(secs => ${spread}::float8 * 86400 / greatest((SELECT k FROM counted), 1))`)}),
    found AS MATERIALIZED (SELECT count(*) AS n FROM ranged),
    everything AS MATERIALIZED (${stage(Prisma.sql`AND (SELECT k FROM counted) < ${limit} AND (SELECT n FROM found) < ${limit}`)}),
    candidates AS (
      SELECT * FROM recent WHERE (SELECT k FROM counted) >= ${limit}
      UNION ALL SELECT * FROM ranged WHERE (SELECT n FROM found) >= ${limit}
      UNION ALL SELECT * FROM everything)`;
}
