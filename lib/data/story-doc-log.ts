import 'server-only';
import type { db } from '@/lib/db';

// Edits to a shared document stored while people type: each store appends what the document
// gained since the last one (a Yjs update the size of the edit) after StoryDoc.state, instead of
// rewriting the whole state. The state is written whole, with the log folded into it, when the
// Story row is written from the document (lib/data/story-docs.ts). Called under the story's lock.

type Tx = Pick<typeof db, '$queryRaw' | '$executeRaw'>;

/** How far an instance has read a story's stored document: the state as of `folds`, and the log up to `lastId`. */
export type LogMark = { folds: number; lastId: string | null };

/** The updates appended after `afterId` (all when null), in order, with the last one's id. */
export async function readLog(tx: Tx, storyId: string, afterId: string | null): Promise<{ updates: Uint8Array[]; lastId: string | null }> {
  // As base64: Prisma's raw queries cannot read bytea through the pg adapter.
  const rows = await tx.$queryRaw<{ id: string; update: string }[]>`
    SELECT "id"::text AS "id", encode("update", 'base64') AS "update" FROM "StoryDocUpdate"
    WHERE "storyId" = ${storyId} AND "id" > ${afterId ?? '0'}::bigint ORDER BY "id"`;
  return { updates: rows.map((row) => new Uint8Array(Buffer.from(row.update, 'base64'))), lastId: rows.at(-1)?.id ?? afterId };
}

/** Appends an update; its id. */
export async function appendLog(tx: Tx, storyId: string, update: Uint8Array): Promise<string> {
  const rows = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "StoryDocUpdate" ("storyId", "update") VALUES (${storyId}, ${Buffer.from(update)}) RETURNING "id"::text AS "id"`;
  return rows[0]!.id;
}

/** The state was just written whole, holding the log: the log goes, and the fold is counted (the new count). */
export async function foldLog(tx: Tx, storyId: string): Promise<number> {
  await tx.$executeRaw`DELETE FROM "StoryDocUpdate" WHERE "storyId" = ${storyId}`;
  const rows = await tx.$queryRaw<{ folds: number }[]>`UPDATE "StoryDoc" SET "folds" = "folds" + 1 WHERE "storyId" = ${storyId} RETURNING "folds"`;
  return rows[0]?.folds ?? 0;
}
