import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { processImage, type Rendition } from '@/lib/media/process';
import { mediaStorage } from '@/lib/media/storage';
import { safeFetch } from '@/lib/embeds/safe-fetch';
import { canEditMediaText } from '@/lib/permissions';
import { recordAudit } from './audit';
import { imagesOnLiveStories, storiesShowingImage } from './body-images';
import { ConflictError, ForbiddenError, NotFoundError } from './errors';
import { afterPublicChange, stageStoryChange } from './public-changes';
import { assertCan, type Viewer } from './viewer';

export type MediaItem = {
  id: string;
  src: string;
  originalName: string;
  format: string;
  width: number;
  height: number;
  alt: string;
  caption: string;
  credit: string;
  renditions: Rendition[];
  createdAt: Date;
};

const select = {
  id: true,
  originalName: true,
  format: true,
  width: true,
  height: true,
  altText: true,
  caption: true,
  credit: true,
  renditions: true,
  createdAt: true,
} as const;

function toItem(row: { id: string; originalName: string; format: string; width: number; height: number; altText: string; caption: string; credit: string; renditions: unknown; createdAt: Date }): MediaItem {
  const renditions = row.renditions as Rendition[];
  // Newsroom previews use a middle rendition: sharp enough, light enough.
  const preview = renditions.find((r) => r.width >= 960) ?? renditions.at(-1);
  return {
    id: row.id,
    src: preview?.src ?? '',
    originalName: row.originalName,
    format: row.format,
    width: row.width,
    height: row.height,
    alt: row.altText,
    caption: row.caption,
    credit: row.credit,
    renditions,
    createdAt: row.createdAt,
  };
}

type ImageText = { originalName: string; altText?: string; caption?: string; credit?: string };

/**
 * The one way an image enters the library: re-encoded into renditions (lib/media/process.ts),
 * stored, then recorded; the stored files go again if the record cannot be written.
 */
async function storeImage(data: Buffer, text: ImageText, uploadedById: string) {
  const id = randomBytes(12).toString('hex');
  const image = await processImage(id, data);
  const storage = mediaStorage();
  await Promise.all(image.renditions.map((r) => storage.put(r.key, r.data, 'image/webp')));
  // Names and texts come from a client's disk or another site: control characters (NUL included) are dropped.
  const clean = (value: string | undefined, max: number) => (value ?? '').replace(/[\u0000-\u001f\u007f]/g, '').slice(0, max);
  try {
    return await db.media.create({
      data: {
        id,
        storageKey: id,
        originalName: clean(text.originalName, 200) || 'image',
        format: image.format,
        width: image.width,
        height: image.height,
        bytes: data.byteLength,
        renditions: image.renditions.map(({ data: _data, ...r }) => r),
        altText: clean(text.altText, 500),
        caption: clean(text.caption, 1000),
        credit: clean(text.credit, 300),
        uploadedById,
      },
      select,
    });
  } catch (error) {
    await storage.remove(id);
    throw error;
  }
}

/** Stores an upload as renditions. Every member of the newsroom may upload. */
export async function uploadMedia(viewer: Viewer | null, file: { name: string; data: Buffer }): Promise<MediaItem> {
  assertCan(viewer, 'story.create');
  return toItem(await storeImage(file.data, { originalName: file.name }, viewer.id));
}

/**
 * An image from another site (an embed's thumbnail, an agency's picture) copied into the library
 * through the same pipeline as an upload, never hot-linked; fetched by safeFetch, which refuses
 * private addresses unless their host is trusted. Throws FetchRefusedError or UnsupportedImageError.
 */
export async function importRemoteImage(address: string, options: { maxBytes: number; trustedHosts: ReadonlySet<string>; text: ImageText; uploadedById: string; timeoutMs?: number }): Promise<string> {
  const picture = await safeFetch(address, { maxBytes: options.maxBytes, accept: 'image/*', trustedHosts: options.trustedHosts, timeoutMs: options.timeoutMs });
  return (await storeImage(picture.body, options.text, options.uploadedById)).id;
}

export type LibraryItem = MediaItem & { canEditText: boolean; onLiveStory: boolean };

/** The newest images, each with whether this viewer may change its texts (the form shows it). */
export async function listMedia(viewer: Viewer | null, take = 60): Promise<LibraryItem[]> {
  assertCan(viewer, 'newsroom.enter');
  const rows = await db.media.findMany({ orderBy: { createdAt: 'desc' }, take, select: { ...select, uploadedById: true } });
  const live = new Set(await imagesOnLiveStories(rows.map((r) => r.id)));
  return rows.map((row) => {
    const onLiveStory = live.has(row.id);
    return { ...toItem(row), onLiveStory, canEditText: canEditMediaText(viewer, { uploadedById: row.uploadedById, onLiveStory }) };
  });
}

type MediaText = { altText: string; caption: string; credit: string };

/**
 * Changes what readers are told about an image. Audited, and every live story that shows it is
 * refreshed on the public site. The texts read are the ones replaced: two edits at once cannot
 * both win silently.
 */
export async function updateMediaText(viewer: Viewer | null, id: string, text: MediaText): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const before = await db.media.findUnique({ where: { id }, select: { uploadedById: true, altText: true, caption: true, credit: true } });
  if (!before) throw new NotFoundError('That image is not in the media library.');
  const live = await storiesShowingImage(id);
  if (!canEditMediaText(viewer, { uploadedById: before.uploadedById, onLiveStory: live.length > 0 })) {
    throw new ForbiddenError(
      live.length > 0
        ? 'This image is on a published or scheduled story: only an editor can change its text.'
        : 'Only the person who uploaded this image, or an editor, can change its text.',
    );
  }
  const changed = (Object.keys(text) as (keyof MediaText)[]).filter((key) => text[key] !== before[key]);
  if (changed.length === 0) return;
  const changes = await db.$transaction(async (tx) => {
    // Nothing about a story on legal hold reaches readers, its pictures' captions included. The
    // stories are locked (shared) so that a hold cannot land between this check and the commit.
    const stories = live.length ? await tx.$queryRaw<{ id: string; headline: string; legalHold: boolean }[]>`SELECT "id", "headline", "legalHold" FROM "Story" WHERE "id" = ANY(${live.map((s) => s.id)}) FOR SHARE` : [];
    const held = stories.find((s) => s.legalHold);
    if (held) throw new ConflictError(`This image is on “${held.headline}”, which is on legal hold: its text cannot change for readers until the hold is lifted.`);
    const { altText, caption, credit } = before;
    const { count } = await tx.media.updateMany({ where: { id, altText, caption, credit }, data: text });
    if (count === 0) throw new ConflictError('Someone else changed this image’s text just now; reload and try again.');
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'media.text',
      entityType: 'media',
      entityId: id,
      note: changed.map((key) => `${key}: “${before[key]}” → “${text[key]}”`).join('; ').slice(0, 2000),
    });
    const staged = [];
    for (const story of stories) staged.push(await stageStoryChange(tx, story.id));
    return staged;
  });
  await afterPublicChange(...changes);
}
