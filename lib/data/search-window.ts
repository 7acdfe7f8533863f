import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';

// The newest matches of a full-text query, without reading every match. A common word matches a
// good part of a large archive (at a million stories, "council" matches 130,000): finding its
// newest few by reading all its matches and sorting them costs hundreds of milliseconds. So the
// newest matches are looked for in a recent window first, in three stages, in one statement:
//
// 1. the last 30 days (two common words of a million-story archive have 50 to 250 matches there);
//    enough matches there ends the search;
// 2. else, how many those days held says how far back enough matches lie: a window of that length
//    (with half again for margin), at most a year;
// 3. a word so rare that a year would not hold enough, or one whose matches lie further back than
//    the first window suggested, is looked for over the whole archive: for such a word a short list.
//
// Each stage reads one index of each story's words stamped with its month of publication, if it
// is published, and of last change, if another (migration story_search_stamps): "fishing" of a
// story published in December 2026 is held as 'fish p202612'. So a window reads each word's
// entries for its months only, not its whole list of stories: at a million stories, two common
// words took 0.3 ms to find in the last 30 days this way, against 18 ms through an index of the
// words alone, where "fishing" lists 159,000 stories. The third stage reads every month of each
// word ('fish p' as a prefix), which is that whole list again: for the rare words that reach it, a
// short one.

export const FIRST_WINDOW_DAYS = 30;
const WIDEST_WINDOW_DAYS = 365;
const MARGIN = 1.5;

export type WindowColumn = 'publishedAt' | 'updatedAt';

/**
 * CTE definitions ending in `candidates ("id", "at")`: the newest `limit` stories of alias `s`
 * whose search vector matches `words` (a tsquery expression) and which satisfy `where`, newest by
 * `column`, up to `anchor` (a timestamp expression; the window is counted back from it). `words`
 * and `where` may use the CTE `query`, which the caller defines first. By publication, published
 * stories only. `where` leaves out stories after the anchor (the windows count back from it, and
 * may hold some): reader search asks for live stories, published before now, and the desk for
 * stories changed before now or before its cursor's story.
 */
export function newestMatches(options: { column: WindowColumn; words: Prisma.Sql; where: Prisma.Sql; limit: number; anchor?: Prisma.Sql }): Prisma.Sql {
  const { words, limit } = options;
  const column = Prisma.raw(`s."${options.column}"`);
  const anchor = options.anchor ?? Prisma.sql`(now() AT TIME ZONE 'UTC')`;
  // Days × matches per window: the window that should hold `limit` matches is spread / k days.
  const spread = FIRST_WINDOW_DAYS * limit * MARGIN;
  // The stamped words answer exactly a query of words, and, or and not. A phrase (<->) or a
  // weight or prefix (:) is tested against the story's own vector too, by ts_match_vq: @@ in a form
  // no index answers. (Reading each found story's vector costs 0.1 ms a story.) A story last
  // changed in its month of publication holds that month's words once, stamped with its
  // publication: by last change both stamps are read, which also finds stories published in a
  // window's months and changed after the anchor (left out by `where`).
  const stamps = Prisma.raw(options.column === 'publishedAt' ? `ARRAY['p']` : `ARRAY['u', 'p']`);
  const matching = (since: Prisma.Sql) =>
    Prisma.sql`story_search_stamps(s."searchVector", s."status" = 'PUBLISHED', s."publishedAt", s."updatedAt") @@ story_search_stamps_query(${words}, ${stamps}, ${since}, ${anchor})
      AND (${words}::text !~ '[<:]' OR ts_match_vq(s."searchVector", ${words}))`;
  const inWindow = (since: Prisma.Sql) => Prisma.sql`${matching(since)} AND ${column} + interval '0 s' > ${since}`;
  // Only published stories hold a publication stamp, but a prefix (:*) reads every stamp of its words.
  const published = options.column === 'publishedAt' ? Prisma.sql`AND s."status" = 'PUBLISHED'` : Prisma.empty;
  // `+ interval '0 s'` keeps the planner from walking the time index and stamping each story.
  // A query of exclusions only ("-fish": querytree 'T') names no story, and would have an index
  // read every entry it holds: it finds nothing, and the stories are not read at all.
  const stage = (condition: Prisma.Sql) => Prisma.sql`
    SELECT s."id", ${column} AS "at" FROM "Story" s, query
    WHERE querytree(${words}) <> 'T' AND ${condition} ${published} AND ${options.where}
    ORDER BY ${column} + interval '0 s' DESC, s."id" DESC
    LIMIT ${limit}`;
  return Prisma.sql`
    recent AS MATERIALIZED (${stage(inWindow(Prisma.sql`${anchor} - ${`${FIRST_WINDOW_DAYS} days`}::interval`))}),
    counted AS MATERIALIZED (SELECT count(*)::float8 AS k FROM recent),
    ranged AS MATERIALIZED (${stage(Prisma.sql`
      (SELECT k FROM counted) < ${limit} AND (SELECT k FROM counted) * ${WIDEST_WINDOW_DAYS} >= ${spread}
      AND ${inWindow(Prisma.sql`${anchor} - make_interval(secs => ${spread}::float8 * 86400 / greatest((SELECT k FROM counted), 1))`)}`)}),
    found AS MATERIALIZED (SELECT count(*) AS n FROM ranged),
    everything AS MATERIALIZED (${stage(Prisma.sql`(SELECT k FROM counted) < ${limit} AND (SELECT n FROM found) < ${limit} AND ${matching(Prisma.sql`NULL::timestamp`)}`)}),
    candidates AS (
      SELECT * FROM recent WHERE (SELECT k FROM counted) >= ${limit}
      UNION ALL SELECT * FROM ranged WHERE (SELECT n FROM found) >= ${limit}
      UNION ALL SELECT * FROM everything)`;
}
