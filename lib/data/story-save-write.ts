import 'server-only';
import type { PoolClient } from 'pg';
import { databasePool } from '@/lib/db';
import { newId } from '@/lib/ids';
import type { StoryState } from '@/lib/permissions';
import { ABSORB_AUTOSAVE, absorbValues, type RevisionInput } from './revisions';
import { onClient, writeRelations, type StoredRelations } from './story-relations';

// The write of a save (lib/data/stories.ts saveStory), as plain statements in one transaction on
// one pooled connection. Every open editor saves every few seconds: through Prisma's client engine
// each statement costs about a millisecond of the server's CPU to plan, ten times the statement
// itself, and a newsroom on deadline is sixty reporters saving at once. The same rules as every
// other write: version-checked, the relations only when they changed, the autosave absorbed by
// the newest revision when it is the same author's of the last ten minutes (recordRevision).

/** The story columns a save writes (lib/data/story-fields.ts columnsOf), by name. */
const COLUMNS = ['headline', 'dek', 'slug', 'sectionId', 'creditLine', 'dateline', 'seoTitle', 'seoDescription', 'featuredImageId', 'body', 'plainText', 'wordCount'] as const;
type Column = (typeof COLUMNS)[number];

export type SaveWrite = {
  storyId: string;
  /** The row as the save read it: written only if it still is (else null, a conflict). */
  where: { version: number; status: StoryState; docSeq?: number };
  columns: Partial<Record<Column, unknown>>;
  relations: { bylineIds: string[]; tags: string[] };
  before: StoredRelations;
  revision: Omit<RevisionInput, 'storyVersion'>;
};

export type SaveWritten = { version: number; docSeq: number; updatedAt: Date };

export async function writeSave(save: SaveWrite): Promise<SaveWritten | null> {
  const client = await databasePool().connect();
  try {
    await client.query('BEGIN');
    const written = await updateStory(client, save);
    if (!written) {
      await client.query('ROLLBACK');
      return null;
    }
    await writeRelations(onClient(client), save.storyId, save.relations, save.before);
    await fileRevision(client, { ...save.revision, storyVersion: written.version });
    await client.query('COMMIT');
    return written;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

async function updateStory(client: PoolClient, { storyId, where, columns }: SaveWrite): Promise<SaveWritten | null> {
  const values: unknown[] = [storyId, where.version, where.status];
  const sets = COLUMNS.filter((column) => column in columns).map((column) => {
    values.push(column === 'body' ? JSON.stringify(columns.body) : columns[column]);
    return `"${column}" = $${values.length}${column === 'body' ? '::jsonb' : ''}`;
  });
  if (where.docSeq !== undefined) values.push(where.docSeq);
  // Times are stored in UTC (as Prisma writes them), and read back as instants.
  const { rows } = await client.query<SaveWritten>(
    `UPDATE "Story" SET ${[...sets, '"version" = "version" + 1', `"updatedAt" = (now() AT TIME ZONE 'UTC')`].join(', ')}
     WHERE "id" = $1 AND "version" = $2 AND "status" = $3::"StoryStatus"${where.docSeq !== undefined ? ` AND "docSeq" = $${values.length}` : ''}
     RETURNING "version", "docSeq", ("updatedAt" AT TIME ZONE 'UTC') AS "updatedAt"`,
    values,
  );
  return rows[0] ?? null;
}

/** recordRevision's rule, in two statements at most: absorbed by the newest revision, or filed. */
async function fileRevision(client: PoolClient, input: RevisionInput): Promise<void> {
  if (input.kind === 'AUTOSAVE' && (await client.query(ABSORB_AUTOSAVE, absorbValues(input))).rowCount) return;
  await client.query(
    `INSERT INTO "Revision" ("id", "storyId", "authorId", "kind", "label", "storyVersion", "snapshot", "editorIds", "createdAt")
     VALUES ($1, $2, $3, $4::"RevisionKind", $5, $6, $7::jsonb, $8::text[], (now() AT TIME ZONE 'UTC'))`,
    [newId(), input.storyId, input.authorId, input.kind, input.label ?? '', input.storyVersion, JSON.stringify(input.snapshot), input.editorIds ?? []],
  );
}
