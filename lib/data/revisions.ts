import 'server-only';
import { db } from '@/lib/db';
import type { Prisma, RevisionKind } from '@/lib/generated/prisma/client';
import { toPlainText } from '@/lib/editor/plain-text';
import { diffParagraphs, diffSnapshots, type ParagraphChange, type SnapshotDiff } from '@/lib/revisions/diff';
import { NotFoundError, VersionConflictError } from './errors';
import { loadSnapshot, readSnapshot, type StorySnapshot } from './story-snapshot';
import { assertBylinesAllowed, checkFields, columnsOf, snapshotOf } from './story-fields';
import { inTransaction, writeRelations } from './story-relations';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

// Revisions are full snapshots. Manual saves, restores and workflow steps always add one; autosaves
// coalesce, so one author's stream of autosaves keeps at most one revision per ten minutes.
const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000;

export type RevisionInput = {
  storyId: string;
  authorId: string;
  kind: RevisionKind;
  storyVersion: number;
  snapshot: StorySnapshot;
  label?: string;
  /** Writing together: everyone whose edits the snapshot holds (the author among them). */
  editorIds?: string[];
};

/**
 * An autosave absorbed by the story's newest revision, when that is the same author's autosave of
 * the last ten minutes: only the newest may absorb one, so that nothing anyone else saved in
 * between is folded into it. Its editors gain the new ones, in the order they first edited. One
 * statement (autosaves come every few seconds), shared by recordRevision and the save's own write
 * (story-save-write.ts); its values are absorbValues'.
 */
export const ABSORB_AUTOSAVE = `
  UPDATE "Revision" r SET "snapshot" = $3::jsonb, "storyVersion" = $4,
    "editorIds" = ARRAY(SELECT e FROM (SELECT DISTINCT ON (e) e, n FROM unnest(r."editorIds" || $5::text[]) WITH ORDINALITY AS x(e, n) ORDER BY e, n) first ORDER BY n)
  WHERE r."id" = (SELECT "id" FROM "Revision" WHERE "storyId" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 1)
    AND r."kind" = 'AUTOSAVE' AND r."authorId" = $2 AND r."createdAt" > (now() AT TIME ZONE 'UTC') - make_interval(secs => $6::float8)
  RETURNING r."id"`;

export const absorbValues = (input: RevisionInput) => [input.storyId, input.authorId, JSON.stringify(input.snapshot), input.storyVersion, input.editorIds ?? [], AUTOSAVE_WINDOW_MS / 1000];

/** Files a revision; an autosave may be absorbed instead (ABSORB_AUTOSAVE). */
export async function recordRevision(tx: Pick<typeof db, 'revision' | '$queryRawUnsafe'>, input: RevisionInput): Promise<{ id: string }> {
  if (input.kind === 'AUTOSAVE') {
    const [absorbed] = await tx.$queryRawUnsafe<{ id: string }[]>(ABSORB_AUTOSAVE, ...absorbValues(input));
    if (absorbed) return absorbed;
  }
  const data = { ...input, label: input.label ?? '', snapshot: input.snapshot as unknown as Prisma.InputJsonValue };
  return tx.revision.create({ data, select: { id: true } });
}

export type RevisionSummary = {
  id: string;
  kind: RevisionKind;
  label: string;
  author: string;
  createdAt: Date;
  storyVersion: number;
  headline: string;
};


/** How many revisions the history lists (autosaves are coalesced, so this is weeks of work). */
export const REVISION_LIST_LIMIT = 200;

export async function listRevisions(viewer: Viewer | null, storyId: string): Promise<RevisionSummary[]> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  // The newest REVISION_LIST_LIMIT, each with its headline read out of the snapshot by PostgreSQL:
  // a list must not load every full body a story has had.
  const rows = await db.$queryRaw<{ id: string; kind: RevisionKind; label: string; createdAt: Date; storyVersion: number; headline: string | null; author: string }[]>`
    SELECT r."id", r."kind", r."label", r."createdAt", r."storyVersion", r."snapshot"->>'headline' AS "headline",
      -- Written together: everyone whose edits the revision holds, in the order they first edited.
      COALESCE((SELECT string_agg(e."name", ', ' ORDER BY array_position(r."editorIds", e."id")) FROM "User" e WHERE e."id" = ANY(r."editorIds")), u."name") AS "author"
    FROM "Revision" r JOIN "User" u ON u."id" = r."authorId"
    WHERE r."storyId" = ${storyId}
    ORDER BY r."createdAt" DESC, r."id" DESC
    LIMIT ${REVISION_LIST_LIMIT}`;
  return rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, author: r.author, createdAt: r.createdAt, storyVersion: r.storyVersion, headline: r.headline ?? '' }));
}

export async function compareRevisions(viewer: Viewer | null, storyId: string, fromId: string, toId: string): Promise<SnapshotDiff> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const rows = await db.revision.findMany({ where: { storyId, id: { in: [fromId, toId] } }, select: { id: true, snapshot: true } });
  const from = rows.find((r) => r.id === fromId);
  const to = rows.find((r) => r.id === toId);
  if (!from || !to) throw new NotFoundError('One of those revisions does not belong to this story.');
  const names = await lookupNames([readSnapshot(from.snapshot), readSnapshot(to.snapshot)]);
  return diffSnapshots(readSnapshot(from.snapshot), readSnapshot(to.snapshot), names);
}

/** Section, byline and image ids shown by name in a diff. */
async function lookupNames(snapshots: StorySnapshot[]): Promise<Map<string, string>> {
  const ids = snapshots.flatMap((s) => [s.sectionId, s.featuredImageId, ...s.bylineIds]).filter((x): x is string => !!x);
  const [sections, people, media] = await Promise.all([
    db.section.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }),
    db.media.findMany({ where: { id: { in: ids } }, select: { id: true, originalName: true } }),
  ]);
  return new Map([...sections, ...people, ...media.map((m) => ({ id: m.id, name: m.originalName }))].map((x) => [x.id, x.name]));
}

/**
 * Makes the story what it was at a revision, as a new version with a new RESTORE revision. The
 * revision that was current stays in the history, so a restore can itself be undone.
 */
export async function restoreRevision(viewer: Viewer | null, storyId: string, revisionId: string, baseVersion: number): Promise<{ version: number }> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.edit');
  const revision = await db.revision.findFirst({ where: { id: revisionId, storyId }, select: { snapshot: true, createdAt: true } });
  if (!revision) throw new NotFoundError('That revision does not belong to this story.');
  const snapshot = readSnapshot(revision.snapshot);
  // People who have since left the newsroom stay off the byline.
  const active = await db.user.findMany({ where: { id: { in: snapshot.bylineIds }, active: true }, select: { id: true } });
  const bylineIds = snapshot.bylineIds.filter((id) => active.some((a) => a.id === id));
  // A restore is a save of old fields: the same checks apply (bylines, body, images, section).
  const fields = { ...snapshot, slug: story.firstPublishedAt ? story.slug : snapshot.slug, bylineIds: bylineIds.length ? bylineIds : [viewer.id] };
  assertBylinesAllowed(viewer, story.ref, fields.bylineIds);
  const checked = await checkFields(fields);

  return db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: { id: storyId, version: baseVersion, status: story.status },
      data: { ...columnsOf(snapshotOf(checked, fields.slug)), version: { increment: 1 } },
    });
    if (count === 0) throw new VersionConflictError('The story changed since you opened its history; reload and try again.', null);
    await writeRelations(inTransaction(tx), storyId, fields);
    const { version } = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } });
    const restoredFrom = revision.createdAt.toISOString();
    await recordRevision(tx, { storyId, authorId: viewer.id, kind: 'RESTORE', storyVersion: version, snapshot: snapshotOf(checked, fields.slug), label: `Restored the version of ${restoredFrom}` });
    // An open shared document takes the restore in as one change that anyone in the story can undo.
    await tx.storyDoc.updateMany({ where: { storyId }, data: { restore: { by: viewer.name, at: new Date().toISOString(), from: restoredFrom } } });
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: 'story.restore', entityType: 'story', entityId: storyId, storyId, note: `Restored revision ${revisionId}` },
    });
    return { version };
  });
}

export type ReviewChanges = {
  since: { label: string; at: Date };
  paragraphs: ParagraphChange[];
  /** Other fields that changed (headline, dek, tags…), word-level. */
  fields: SnapshotDiff;
};

/**
 * What changed since the editor last saw the story: against the last approved or published
 * version, or else the previous submission. Null for a first submission (all of it is new).
 */
export async function changesForReview(viewer: Viewer | null, storyId: string): Promise<ReviewChanges | null> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const steps = await db.revision.findMany({
    where: { storyId, kind: 'WORKFLOW', label: { in: ['Submit for review', 'Approve', 'Publish', 'Published as scheduled'] } },
    orderBy: { createdAt: 'desc' },
    select: { label: true, createdAt: true, snapshot: true },
  });
  const story = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { pendingUpdate: true, publishedAt: true } });
  const live = await loadSnapshot(db, storyId);
  // An update to a live story is compared with what readers see now.
  if (story.pendingUpdate) return compareForReview(live, readSnapshot(story.pendingUpdate), { label: 'the published version', at: story.publishedAt ?? new Date() });
  const baseline = steps.find((s) => s.label !== 'Submit for review') ?? steps.filter((s) => s.label === 'Submit for review')[1];
  if (!baseline) return null;
  const label = baseline.label === 'Submit for review' ? 'the previous submission' : `the last ${baseline.label === 'Approve' ? 'approved' : 'published'} version`;
  return compareForReview(readSnapshot(baseline.snapshot), live, { label, at: baseline.createdAt });
}

async function compareForReview(before: StorySnapshot, after: StorySnapshot, since: ReviewChanges['since']): Promise<ReviewChanges> {
  const names = await lookupNames([before, after]);
  const paragraphs = (s: StorySnapshot) => toPlainText(s.body).split('\n\n');
  return {
    since,
    paragraphs: diffParagraphs(paragraphs(before), paragraphs(after)),
    fields: diffSnapshots(before, after, names).filter((f) => f.changed && f.field !== 'body'),
  };
}
