import 'server-only';
import { db } from '@/lib/db';
import { countWords, toPlainText } from '@/lib/editor/plain-text';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { can, type StoryRef } from '@/lib/permissions';
import type { StoryFields } from '@/lib/validations/story';
import { embedIds, embedsFor } from './body-embeds';
import { bodyImageSelect, imageIds, withLibraryImages } from './body-images';
import { ForbiddenError, ValidationError } from './errors';
import type { StorySnapshot } from './story-snapshot';
import type { Viewer } from './viewer';

// The checks and copies every write of a story's fields shares: a save, a restore, a copy kept
// aside, publishing an update. One place, so that no way of writing a story skips a check that another applies.

/** Bylines are a privileged field: reporters may add and reorder them but not take themselves off. */
export function assertBylinesAllowed(viewer: Viewer, ref: StoryRef, bylineIds: readonly string[]): void {
  if (!can(viewer, 'story.leaveByline', ref) && !bylineIds.includes(viewer.id)) {
    throw new ForbiddenError('Reporters can add or reorder bylines but not take themselves off a story.');
  }
}

export type CheckedFields = { fields: StoryFields; body: Doc };

/**
 * Checks what a plain schema cannot: the body tree, and that referenced rows exist. Only what there
 * is to check is read: no image, no query for images; what the story already has (`stored`: its
 * section, there by the foreign key, and bylines of people just read as active) is not asked again.
 */
export async function checkFields(fields: StoryFields, stored: { sectionId?: string | null; activeBylineIds?: string[] } = {}): Promise<CheckedFields> {
  const errors: Record<string, string[]> = {};
  const body = parseBody(fields.body);
  if (!body.ok) errors.body = [body.error];

  const unknownBylines = [...new Set(fields.bylineIds)].filter((id) => !stored.activeBylineIds?.includes(id));
  const mediaIds = [fields.featuredImageId, ...(body.ok ? imageIds(body.doc) : [])].filter((x): x is string => !!x);
  const [section, people, media, embeds] = await Promise.all([
    fields.sectionId && fields.sectionId !== stored.sectionId ? db.section.count({ where: { id: fields.sectionId } }) : 1,
    unknownBylines.length > 0 ? db.user.findMany({ where: { id: { in: unknownBylines }, active: true }, select: { id: true } }) : [],
    mediaIds.length > 0 ? db.media.findMany({ where: { id: { in: mediaIds } }, select: bodyImageSelect }) : [],
    body.ok ? embedsFor(db, body.doc) : null,
  ]);
  if (!section) errors.sectionId = ['Choose one of the newsroom’s sections.'];
  if (new Set(fields.bylineIds).size !== fields.bylineIds.length) errors.bylineIds = ['Each person can appear in the byline once.'];
  else if (people.length !== unknownBylines.length) errors.bylineIds = ['Bylines must be active members of the newsroom.'];
  const known = new Map(media.map((m) => [m.id, m]));
  if (fields.featuredImageId) {
    const image = known.get(fields.featuredImageId);
    if (!image) errors.featuredImageId = ['That image is not in the media library.'];
    else if (!image.altText.trim()) errors.featuredImageId = ['Add alt text to this image in the media library before using it.'];
  }
  if (body.ok) {
    const ids = imageIds(body.doc);
    if (ids.some((id) => !known.has(id))) errors.body = ['An image in the story is not in the media library.'];
    else if (ids.some((id) => !known.get(id)!.altText.trim())) errors.body = ['Add alt text to every image in the media library before using it.'];
    else if (embedIds(body.doc).some((id) => !embeds?.rows.has(id))) errors.body = ['An embed in the story was not resolved by the newsroom: insert it again with Embed in the toolbar.'];
  }

  if (Object.keys(errors).length > 0 || !body.ok) {
    throw new ValidationError(Object.values(errors)[0]![0]!, errors);
  }
  // What is stored of an image or an embed is what its row says, whatever the request carried.
  return { fields, body: withLibraryImages(body.doc, media, embeds) };
}

export function snapshotOf(checked: CheckedFields, slug: string): StorySnapshot {
  const { fields } = checked;
  return {
    headline: fields.headline,
    dek: fields.dek,
    slug,
    sectionId: fields.sectionId,
    tags: fields.tags,
    bylineIds: fields.bylineIds,
    creditLine: fields.creditLine,
    dateline: fields.dateline,
    seoTitle: fields.seoTitle,
    seoDescription: fields.seoDescription,
    featuredImageId: fields.featuredImageId,
    body: checked.body,
  };
}

/**
 * The story columns a snapshot fills, with the text search and word count derive from the body.
 * Every write of a story's fields goes through here: a save, a restore, publishing an update.
 */
export function columnsOf(snapshot: StorySnapshot) {
  const { tags: _tags, bylineIds: _bylines, ...columns } = snapshot;
  const plainText = toPlainText(snapshot.body);
  return { ...columns, plainText, wordCount: countWords(plainText) };
}

