import 'server-only';
import { db } from '@/lib/db';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

export type ChangeRequest = { note: string; editor: string; at: Date };

/**
 * The editor's note on each of these stories that is waiting for changes (the story, or its pending
 * update, is in CHANGES_REQUESTED): the latest request, until the story is submitted again.
 * Callers have already checked that the viewer may see the stories.
 */
export async function changeRequestsFor(storyIds: string[]): Promise<Map<string, ChangeRequest>> {
  if (storyIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ storyId: string; note: string; editor: string | null; at: Date }[]>`
    SELECT DISTINCT ON (a."storyId") a."storyId", a."note", u."name" AS "editor", a."createdAt" AS "at"
    FROM "AuditEvent" a
    JOIN "Story" s ON s."id" = a."storyId" AND (s."status" = 'CHANGES_REQUESTED' OR s."updateState" = 'CHANGES_REQUESTED')
    LEFT JOIN "User" u ON u."id" = a."actorId"
    WHERE a."storyId" = ANY(${storyIds}) AND a."action" IN ('story.requestChanges', 'story.update.requestChanges')
    ORDER BY a."storyId", a."createdAt" DESC`;
  return new Map(rows.map((r) => [r.storyId, { note: r.note, editor: r.editor ?? 'An editor', at: r.at }]));
}

/** The request for changes a story is waiting on, if any, for someone who may see the story. */
export async function getChangeRequest(viewer: Viewer | null, storyId: string): Promise<ChangeRequest | null> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  return (await changeRequestsFor([storyId])).get(storyId) ?? null;
}
