import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { parseBody } from '@/lib/editor/schema';
import { hasSuggestions } from '@/lib/editor/suggestion-text';
import { stampSuggestions } from '@/lib/editor/suggestion-stamp';
import { can, type StoryState } from '@/lib/permissions';
import { slugify } from '@/lib/slug';
import type { SaveStoryInput, StoryFields } from '@/lib/validations/story';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError, isUniqueViolation } from './errors';
import { assertBylinesAllowed, checkFields, columnsOf, snapshotOf, type CheckedFields } from './story-fields';
import { inTransaction, writeRelations } from './story-relations';
import { recordRevision } from './revisions';
import { writeSave } from './story-save-write';
import { SNAPSHOT_COLUMNS, readSnapshot, type StorySnapshot } from './story-snapshot';
import { loadStoryFor, storyForSave } from './story-access';
import { storeSharedBody } from '@/lib/collab/registry';
import { SHARED_KEYS, columnsWithout, definedOf, sharedOmitted } from './shared-fields';
import { assertCan, type Viewer } from './viewer';

// The newsroom's side of stories: opening a story to edit, creating and saving it.

export type EditableStory = StorySnapshot & {
  id: string;
  version: number;
  /** How many times the shared document has stored edits to the story (Story.docSeq). */
  docSeq: number;
  status: StoryState;
  slugLocked: boolean;
  canEdit: boolean;
  bylines: { id: string; name: string }[];
  featuredImage: { id: string; src: string; alt: string } | null;
  scheduledAt: string | null;
  /** A live story's pending update: its state; the fields above are then the update's. */
  update: { state: StoryState } | null;
  updatedAt: string;
};

const bylineSelect = {
  orderBy: { position: 'asc' },
  select: { user: { select: { id: true, name: true, slug: true } } },
} as const;

const editSelect = {
  id: true,
  version: true,
  docSeq: true,
  status: true,
  ...SNAPSHOT_COLUMNS,
  featuredImage: { select: { id: true, altText: true, renditions: true } },
  firstPublishedAt: true,
  scheduledAt: true,
  pendingUpdate: true,
  updateState: true,
  updatedAt: true,
  authors: bylineSelect,
  tags: { select: { tag: { select: { name: true } } }, orderBy: { tag: { name: 'asc' } } },
} as const;

type EditRow = Prisma.StoryGetPayload<{ select: typeof editSelect }>;

function toEditable(viewer: Viewer, row: EditRow): EditableStory {
  const authorIds = row.authors.map((a) => a.user.id);
  if (row.pendingUpdate && row.updateState) return editableUpdate(viewer, row, authorIds, row.updateState, readSnapshot(row.pendingUpdate));
  const body = parseBody(row.body);
  const renditions = (row.featuredImage?.renditions ?? []) as { src: string }[];
  return {
    id: row.id,
    version: row.version,
    docSeq: row.docSeq,
    status: row.status,
    headline: row.headline,
    dek: row.dek,
    slug: row.slug,
    slugLocked: row.firstPublishedAt !== null,
    sectionId: row.sectionId,
    tags: row.tags.map((t) => t.tag.name),
    bylineIds: authorIds,
    bylines: row.authors.map((a) => ({ id: a.user.id, name: a.user.name })),
    creditLine: row.creditLine,
    dateline: row.dateline,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    featuredImageId: row.featuredImageId,
    featuredImage: row.featuredImage ? { id: row.featuredImage.id, alt: row.featuredImage.altText, src: renditions[0]?.src ?? '' } : null,
    body: body.ok ? body.doc : { type: 'doc', content: [] },
    canEdit: can(viewer, 'story.edit', { status: row.status, authorIds }),
    scheduledAt: row.scheduledAt?.toISOString() ?? null,
    update: null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The editable view of a live story's pending update: its fields, judged by its own state. */
function editableUpdate(viewer: Viewer, row: EditRow, authorIds: string[], state: StoryState, update: StorySnapshot): EditableStory {
  const live = toEditable(viewer, { ...row, pendingUpdate: null, updateState: null });
  return {
    ...live,
    ...update,
    slug: row.slug,
    canEdit: can(viewer, 'story.edit', { status: state, authorIds }),
    update: { state },
  };
}

export async function getStoryForEdit(viewer: Viewer | null, id: string): Promise<EditableStory> {
  assertCan(viewer, 'newsroom.enter');
  const row = await db.story.findUnique({ where: { id }, select: editSelect });
  if (!row) throw new NotFoundError('That story does not exist.');
  assertCan(viewer, 'story.view', { status: row.status, authorIds: row.authors.map((a) => a.user.id) });
  return toEditable(viewer, row);
}

async function uniqueSlug(tx: Prisma.TransactionClient, headline: string): Promise<string> {
  const base = slugify(headline, 80) || 'story';
  const taken = new Set((await tx.story.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((s) => s.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

function slugTaken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new ValidationError('Another story already uses this slug.', { slug: ['Another story already uses this slug.'] });
  }
  throw error;
}

/**
 * A new draft. The creator is the byline unless the fields say otherwise. The editor names the new
 * story with an id of its own making (`clientId`, shaped like the server's own): a first save whose answer was lost and
 * is sent again finds the story it created instead of creating a second one (`created: false`).
 */
/** What a story made from a wire item keeps of it (lib/data/wire-stories.ts). */
export type WireOrigin = { wireItemId: string; wireVersion: number; agencyByline: string; embargoUntil: Date | null };

export async function createStory(
  viewer: Viewer | null,
  fields: StoryFields,
  clientId?: string,
  format: 'STORY' | 'LIVE' = 'STORY',
  wire?: WireOrigin,
): Promise<{ id: string; version: number; slug: string; created: boolean }> {
  assertCan(viewer, 'story.create');
  assertBylinesAllowed(viewer, { status: 'DRAFT', authorIds: fields.bylineIds }, fields.bylineIds);
  const earlier = clientId ? await findCreated(viewer, clientId) : null;
  if (earlier) return earlier;
  const checked = await checkFields(fields);
  // A slug the server chose may be taken by a story created at the same moment: choose again.
  // A slug the reporter typed is theirs to change, so that conflict is reported.
  for (let attempt = 0; ; attempt++) {
    try {
      return { ...(await insertStory(viewer, fields, checked, attempt, clientId, format, wire)), created: true };
    } catch (error) {
      // The same first save, sent twice at once: the other one created it.
      const twin = clientId && isUniqueViolation(error) ? await findCreated(viewer, clientId) : null;
      if (twin) return twin;
      if (fields.slug || !isUniqueViolation(error) || attempt >= 5) slugTaken(error);
    }
  }
}

/** The story this person created under this client id, if any; someone else's is refused. */
async function findCreated(viewer: Viewer, clientId: string) {
  const story = await db.story.findUnique({ where: { id: clientId }, select: { id: true, version: true, slug: true, createdById: true } });
  if (!story) return null;
  if (story.createdById !== viewer.id) throw new ConflictError('That story id is already in use; reload the editor to start a new story.');
  return { id: story.id, version: story.version, slug: story.slug, created: false };
}

async function insertStory(viewer: Viewer, fields: StoryFields, checked: CheckedFields, attempt: number, clientId: string | undefined, format: 'STORY' | 'LIVE', wire?: WireOrigin) {
  return db.$transaction(async (tx) => {
    const chosen = fields.slug || (await uniqueSlug(tx, fields.headline));
    // After a collision, a short random tail makes a second collision all but impossible.
    const slug = (fields.slug || attempt === 0) ? chosen : `${chosen}-${randomBytes(3).toString('hex')}`;
    const story = await tx.story.create({
      // A live blog a reporter starts has its entries checked by an editor, as makeLiveBlog sets it.
      data: { ...(clientId ? { id: clientId } : {}), ...columnsOf(snapshotOf(checked, slug)), status: 'DRAFT', createdById: viewer.id, format, entriesNeedEditor: format === 'LIVE' && viewer.role === 'REPORTER', ...(wire ?? {}) },
      select: { id: true, version: true, slug: true },
    });
    await writeRelations(inTransaction(tx), story.id, fields);
    await recordRevision(tx, { storyId: story.id, authorId: viewer.id, kind: 'MANUAL', storyVersion: story.version, snapshot: snapshotOf(checked, slug), label: 'Created' });
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: 'story.create', entityType: 'story', entityId: story.id, storyId: story.id, toState: 'DRAFT', ...(format === 'LIVE' ? { note: 'A live blog' } : wire ? { note: `From wire item version ${wire.wireVersion}${wire.embargoUntil ? `, under the agency's embargo until ${wire.embargoUntil.toISOString()}` : ''}` } : {}) },
    });
    return story;
  });
}

/**
 * Saves an edit made on top of `baseVersion`. The write happens only if the story is still at that
 * version (checked in the UPDATE's WHERE); otherwise a VersionConflictError carries what is current.
 */
export async function saveStory(viewer: Viewer | null, id: string, input: SaveStoryInput): Promise<{ version: number; docSeq?: number; updatedAt: string; slug: string }> {
  assertCan(viewer, 'newsroom.enter');
  const before = await storyForSave(id);
  // A live story is edited through its pending update, which the table judges by its own state.
  const editing = before.status === 'PUBLISHED' && before.updateState ? before.updateState : before.status;
  if (!can(viewer, 'story.edit', { status: editing, authorIds: before.authorIds })) throw new ForbiddenError();
  assertBylinesAllowed(viewer, { status: editing, authorIds: before.authorIds }, input.bylineIds);
  if (before.status === 'PUBLISHED' && before.updateState) return saveUpdate(viewer, id, { slug: before.slug, updateState: before.updateState }, input);
  const slug = input.slug || before.slug;
  if (before.published && slug !== before.slug) {
    throw new ValidationError('The slug is part of a published URL: an editor changes it with “Change slug”.', { slug: ['The slug is part of a published URL: an editor changes it with “Change slug”.'] });
  }
  // What a save leaves out (the body, text fields) is written together, in the story's shared
  // document (lib/data/story-docs.ts): the stored value stays as that last wrote it.
  const shared = sharedOmitted(input); // a named checkpoint stores the shared document first
  if (shared.length > 0 && input.kind === 'manual') await storeSharedBody(id);
  const stored = shared.length > 0 ? await db.story.findUniqueOrThrow({ where: { id }, select: Object.fromEntries(shared.map((key) => [key, true])) }) : {};
  const fields: StoryFields = { ...(stored as Partial<StoryFields>), ...definedOf(input) } as StoryFields;
  const checked = await stampedBy(viewer, id, await checkFields(fields, { sectionId: before.sectionId, activeBylineIds: before.activeAuthorIds }), 'body');
  // A field sent from outside the shared document must start from the last one written there.
  const checksDoc = shared.length < SHARED_KEYS.length && input.baseDocSeq !== undefined;
  try {
    const kind = input.kind === 'manual' ? 'MANUAL' : 'AUTOSAVE';
    const after = await writeSave({
      storyId: id,
      where: { version: input.baseVersion, status: before.status, ...(checksDoc ? { docSeq: input.baseDocSeq } : {}) },
      columns: columnsWithout(columnsOf(snapshotOf(checked, slug)), shared),
      relations: input,
      before: { bylineIds: before.authorIds, tagSlugs: before.tagSlugs },
      revision: { storyId: id, authorId: viewer.id, kind, snapshot: snapshotOf(checked, slug), label: input.label },
    });
    if (!after) {
      const current = await db.story.findUnique({ where: { id }, select: editSelect });
      if (!current) throw new NotFoundError('That story does not exist.');
      throw new VersionConflictError('Someone else saved this story after you started editing.', toEditable(viewer, current));
    }
    return { version: after.version, docSeq: after.docSeq, updatedAt: after.updatedAt.toISOString(), slug };
  } catch (error) {
    slugTaken(error);
  }
}

/**
 * Files an edit as a revision without touching the story: what a reporter keeps after a conflict,
 * so their text stays in the history next to the version that won.
 */
export async function keepVersionAside(viewer: Viewer | null, id: string, fields: StoryFields, label: string): Promise<{ revisionId: string }> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, id, 'story.edit');
  assertBylinesAllowed(viewer, story.ref, fields.bylineIds);
  const checked = await checkFields(fields);
  const revision = await recordRevision(db, { storyId: id, authorId: viewer.id, kind: 'MANUAL', storyVersion: story.version, snapshot: snapshotOf(checked, fields.slug || story.slug), label });
  return { revisionId: revision.id };
}

/** Saves the pending update of a live story: the published version is not touched. */
async function saveUpdate(
  viewer: Viewer,
  id: string,
  before: { slug: string; updateState: StoryState },
  input: SaveStoryInput,
): Promise<{ version: number; updatedAt: string; slug: string }> {
  if (input.slug && input.slug !== before.slug) {
    throw new ValidationError('The slug is part of a published URL: an editor changes it with “Change slug”.', { slug: ['The slug is part of a published URL: an editor changes it with “Change slug”.'] });
  }
  const missing = sharedOmitted(input)[0];
  if (missing) throw new ValidationError('An update to a live story is saved whole, with its body and every text field.', { [missing]: [`An update to a live story is saved with its ${missing}.`] });
  const checked = await stampedBy(viewer, id, await checkFields({ ...input, body: input.body } as StoryFields), 'pendingUpdate');
  const snapshot = snapshotOf(checked, before.slug);
  return db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({
      where: { id, version: input.baseVersion, status: 'PUBLISHED', updateState: before.updateState },
      data: { pendingUpdate: snapshot as unknown as Prisma.InputJsonValue, version: { increment: 1 } },
    });
    if (count === 0) {
      const current = await tx.story.findUnique({ where: { id }, select: editSelect });
      if (!current) throw new NotFoundError('That story does not exist.');
      throw new VersionConflictError('Someone else saved this story after you started editing.', toEditable(viewer, current));
    }
    const after = await tx.story.findUniqueOrThrow({ where: { id }, select: { version: true, updatedAt: true } });
    await recordRevision(tx, { storyId: id, authorId: viewer.id, kind: input.kind === 'manual' ? 'MANUAL' : 'AUTOSAVE', storyVersion: after.version, snapshot, label: input.label || 'Update' });
    return { version: after.version, updatedAt: after.updatedAt.toISOString(), slug: before.slug };
  });
}

/**
 * The checked fields with every suggestion's author and time as the server knows them: kept from
 * the stored body (or pending update) for suggestions it already had, this person and now for new
 * ones. Read before the version-checked write: if the story moved on meanwhile, that write fails.
 */
async function stampedBy(viewer: Viewer, id: string, checked: CheckedFields, from: 'body' | 'pendingUpdate'): Promise<CheckedFields> {
  if (!hasSuggestions(checked.body)) return checked;
  const row = await db.story.findUnique({ where: { id }, select: { body: true, pendingUpdate: true } });
  const stored = from === 'body' ? row?.body : row?.pendingUpdate ? readSnapshot(row.pendingUpdate).body : null;
  const previous = stored ? parseBody(stored) : null;
  return { ...checked, body: stampSuggestions(checked.body, previous?.ok ? previous.doc : null, viewer, new Date()) };
}
