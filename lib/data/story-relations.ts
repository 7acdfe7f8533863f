import 'server-only';
import type { PoolClient } from 'pg';
import type { Prisma } from '@/lib/generated/prisma/client';
import { newId } from '@/lib/ids';
import { tagsBySlug } from './tags';

// A story's bylines and tags, written with the same statements by every write of a story: create,
// save, restore, publishing a pending update. A save runs them on its own pooled connection
// (story-save-write.ts); the others inside a Prisma transaction.

/** Runs one statement with positional parameters ($1, $2…) in the caller's transaction. */
export type Run = (sql: string, values: unknown[]) => Promise<unknown>;
export const onClient = (client: PoolClient): Run => (sql, values) => client.query(sql, values);
export const inTransaction = (tx: Prisma.TransactionClient): Run => (sql, values) => tx.$executeRawUnsafe(sql, ...values);

/** What a story's relations were before a write: its bylines in order and its tags' slugs. */
export type StoredRelations = { bylineIds: string[]; tagSlugs: string[] };

/**
 * Replaces the story's bylines (in their order) and tags (typed names; a tag new to the newsroom is
 * made with the name it was first given). Given `before`, only the ones that changed are rewritten.
 */
export async function writeRelations(run: Run, storyId: string, relations: { bylineIds: string[]; tags: string[] }, before?: StoredRelations): Promise<void> {
  if (!before || before.bylineIds.join('\n') !== relations.bylineIds.join('\n')) {
    await run('DELETE FROM "StoryAuthor" WHERE "storyId" = $1', [storyId]);
    await run('INSERT INTO "StoryAuthor" ("storyId", "userId", "position") SELECT $1, u, n - 1 FROM unnest($2::text[]) WITH ORDINALITY AS x(u, n)', [storyId, relations.bylineIds]);
  }
  const tags = tagsBySlug(relations.tags);
  const slugs = [...tags.keys()];
  if (before && [...before.tagSlugs].sort().join('\n') === [...slugs].sort().join('\n')) return;
  await run('DELETE FROM "StoryTag" WHERE "storyId" = $1', [storyId]);
  if (slugs.length === 0) return;
  await run('INSERT INTO "Tag" ("id", "slug", "name") SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT ("slug") DO NOTHING', [
    slugs.map(() => newId()),
    slugs,
    slugs.map((slug) => tags.get(slug)!),
  ]);
  await run('INSERT INTO "StoryTag" ("storyId", "tagId") SELECT $1, "id" FROM "Tag" WHERE "slug" = ANY($2::text[])', [storyId, slugs]);
}
