import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { toPlainText } from '@/lib/editor/plain-text';
import { FetchRefusedError } from '@/lib/embeds/safe-fetch';
import { MAX_UPLOAD_BYTES } from '@/lib/media/process';
import { diffParagraphs, diffText, type DiffPart, type ParagraphChange } from '@/lib/revisions/diff';
import { MAX_TAGS, normaliseTagName } from '@/lib/validations/story';
import type { WirePicture } from '@/lib/wire/item';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { importRemoteImage } from './media';
import { createStory } from './stories';
import { loadStoryFor } from './story-access';
import { getWireItem } from './wire-desk';
import { assertCan, type Viewer } from './viewer';

// Stories made from wire items: "Use in a story", the "Wire update available" offer when the
// agency sends a newer version, and the wire kill an editor clears.

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

/** The item's first picture, copied into the media library through the upload pipeline; null if it cannot be. */
async function importPicture(picture: WirePicture | undefined, provider: string, viewer: Viewer): Promise<{ id: string | null; problem: string | null }> {
  if (!picture) return { id: null, problem: null };
  // A featured image needs alt text: the agency's caption describes the picture, so it serves
  // until someone writes better; without one the picture is not imported.
  if (!picture.caption) return { id: null, problem: 'The agency’s picture has no caption to serve as its alt text, so it was not imported.' };
  try {
    const text = { originalName: picture.href.split('/').pop() || 'Wire picture', caption: picture.caption, altText: picture.caption, credit: provider };
    const id = await importRemoteImage(picture.href, { maxBytes: MAX_UPLOAD_BYTES, trustedHosts: new Set(env().MASTHEAD_WIRE_FEED_HOSTS), text, uploadedById: viewer.id, timeoutMs: 10_000 });
    return { id, problem: null };
  } catch (error) {
    const why = error instanceof FetchRefusedError ? error.message : 'it is not an image the library takes';
    return { id: null, problem: `The agency’s picture could not be imported (${why}).` };
  }
}

/** A draft made from the item, linked to it; the viewer is its byline, the agency's byline is kept beside it. */
export async function storyFromWireItem(viewer: Viewer | null, itemId: string): Promise<{ storyId: string; notice: string | null }> {
  assertCan(viewer, 'story.create');
  const item = await getWireItem(viewer, itemId);
  if (item.pubStatus === 'canceled') throw new ValidationError('The agency canceled this item: it cannot be used.');
  if (item.pubStatus === 'withheld') throw new ValidationError('The agency has withheld this item for now: it cannot be used until a usable version arrives.');
  if (item.held) throw new ValidationError('An editor releases this item before it is used.');
  const picture = await importPicture(item.pictures[0], item.provider || item.source, viewer);
  const tags = [...new Set(item.subjects.map((s) => normaliseTagName(clip(s.name, 60))).filter(Boolean))].slice(0, MAX_TAGS);
  const story = await createStory(
    viewer,
    {
      headline: clip(item.headline || item.slugline || 'Wire story', 200),
      dek: clip(item.summary, 400),
      slug: '',
      sectionId: item.sectionId,
      tags,
      bylineIds: [viewer.id],
      creditLine: clip(item.provider || item.source, 200),
      dateline: clip(item.dateline, 60),
      seoTitle: '',
      seoDescription: '',
      featuredImageId: picture.id,
      body: item.body,
    },
    undefined,
    'STORY',
    { wireItemId: item.id, wireVersion: item.version, agencyByline: clip(item.byline, 300), embargoUntil: item.embargoUntil && item.embargoUntil > new Date() ? item.embargoUntil : null },
  );
  return { storyId: story.id, notice: picture.problem };
}

export type WireNotice = {
  itemId: string;
  source: string;
  /** The version the story carries, and the agency's byline shown after the newsroom's. */
  version: number | null;
  agencyByline: string;
  killedAt: Date | null;
  update: null | {
    fromVersion: number;
    toVersion: number;
    headline: DiffPart[] | null;
    paragraphs: ParagraphChange[];
    /** The bodies the editor carries the change with (lib/wire/update-patch.ts). */
    oldBody: Doc;
    newBody: Doc;
  };
};

/** What the story page shows about the story's wire item: a kill, and a newer version on offer. */
export async function wireNoticeFor(viewer: Viewer, storyId: string): Promise<WireNotice | null> {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { wireItemId: true, wireVersion: true, wireKilledAt: true, agencyByline: true } });
  if (!story?.wireItemId) return null;
  await loadStoryFor(viewer, storyId, 'story.view');
  const item = await db.wireItem.findUnique({ where: { id: story.wireItemId }, select: { id: true, version: true, headline: true, body: true, pubStatus: true, source: { select: { name: true } } } });
  if (!item) return null;
  const notice: WireNotice = { itemId: item.id, source: item.source.name, version: story.wireVersion, agencyByline: story.agencyByline, killedAt: story.wireKilledAt, update: null };
  if (item.pubStatus === 'canceled' || story.wireVersion === null || item.version <= story.wireVersion) return notice;
  const used = await db.wireItemVersion.findFirst({ where: { itemId: item.id, version: story.wireVersion }, orderBy: { versionCreated: 'desc' }, select: { headline: true, body: true } });
  const oldBody = parseBody(used?.body);
  const newBody = parseBody(item.body);
  if (!oldBody.ok || !newBody.ok) return notice;
  const paragraphs = (doc: Doc) => toPlainText(doc).split('\n\n');
  return {
    ...notice,
    update: {
      fromVersion: story.wireVersion,
      toVersion: item.version,
      headline: used && used.headline !== item.headline ? diffText(used.headline, item.headline) : null,
      paragraphs: diffParagraphs(paragraphs(oldBody.doc), paragraphs(newBody.doc)),
      oldBody: oldBody.doc,
      newBody: newBody.doc,
    },
  };
}

/**
 * Records that the story now carries `version` of its item (the editor made the change in the
 * text, which its save writes, version-checked as any edit). Only forwards.
 */
export async function markWireUpdateApplied(viewer: Viewer | null, storyId: string, version: number, note: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.edit');
  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: { id: storyId, wireVersion: { lt: version }, wireItem: { is: { version: { gte: version } } } }, data: { wireVersion: version } });
    if (count) await recordAudit(tx, { actorId: viewer.id, action: 'story.wireUpdate', entityType: 'story', entityId: storyId, storyId, note: `Wire version ${version} applied. ${note}`.trim() });
  });
}

/** An editor decides a story may go on after its wire item was killed; the reason is audited. */
export async function clearWireKill(viewer: Viewer | null, storyId: string, reason: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.clearWireKill');
  if (!reason.trim()) throw new ValidationError('Say why the story may go on despite the kill.', { reason: ['Give a reason.'] });
  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: { id: storyId, wireKilledAt: { not: null } }, data: { wireKilledAt: null } });
    if (count) await recordAudit(tx, { actorId: viewer.id, action: 'story.wireKillClear', entityType: 'story', entityId: storyId, storyId, note: reason.trim() });
  });
}
