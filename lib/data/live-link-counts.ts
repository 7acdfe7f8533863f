import 'server-only';
import { db } from '@/lib/db';

// Each tag's and each author's count of live stories, from the rows of changes the link tables'
// triggers append ("LiveLinkCount", see the schema). Summing them reads a row per tag or author
// plus the changes since the last fold, where counting the links themselves read every live link
// of a million-story archive each time a publish emptied the lists' cache.

export type LiveLinkKind = 'tag' | 'author';

// Changes piled up beyond one row per tag or author before the next read folds them together.
const FOLD_AFTER = 1000;

type Owner = { id: string; n: number };

/** The tags or authors with at least one live story, each with its count, as `owners` reads them. */
export async function withLiveCounts<T>(kind: LiveLinkKind, owners: (counts: string) => Promise<(T & Owner & { rows: number })[]>): Promise<(T & Owner)[]> {
  // `counts` is a subquery of ("ownerId", "n", "rows") for `owners` to join its table to.
  const rows = await owners(`(SELECT "ownerId", sum("n")::int AS "n", count(*)::int AS "rows" FROM "LiveLinkCount" WHERE "kind" = '${kind}' GROUP BY 1)`);
  if (rows.reduce((sum, r) => sum + r.rows, 0) > rows.length + FOLD_AFTER) await foldLiveLinkCounts(kind);
  return rows.filter((r) => r.n > 0).map(({ rows: _rows, ...r }) => r as T & Owner);
}

/**
 * Folds the changes of one kind ($1) into one row per tag or author, in one statement: it removes
 * only the rows its snapshot sees and puts back their sums, so that changes appended meanwhile (and
 * a second fold running at once, whose removals skip rows already gone) keep every total. The
 * archive loader runs it too, after its COPY appended a row per tag or author per batch.
 */
export const FOLD_LIVE_LINK_COUNTS = `
  WITH gone AS (DELETE FROM "LiveLinkCount" WHERE "kind" = $1 RETURNING "ownerId", "n")
  INSERT INTO "LiveLinkCount" ("kind", "ownerId", "n")
  SELECT $1, "ownerId", sum("n")::int FROM gone GROUP BY "ownerId" HAVING sum("n") <> 0`;

export const LIVE_LINK_KINDS: LiveLinkKind[] = ['tag', 'author'];

export async function foldLiveLinkCounts(kind: LiveLinkKind): Promise<void> {
  await db.$executeRawUnsafe(FOLD_LIVE_LINK_COUNTS, kind);
}
