import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { processImage, type Rendition } from '@/lib/media/process';
import { mediaStorage } from '@/lib/media/storage';
import { NotFoundError } from './errors';
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

/** Stores an upload as renditions. Every member of the newsroom may upload. */
export async function uploadMedia(viewer: Viewer | null, file: { name: string; data: Buffer }): Promise<MediaItem> {
  assertCan(viewer, 'story.create');
  const id = randomBytes(12).toString('hex');
  const image = await processImage(id, file.data);
  const storage = mediaStorage();
  await Promise.all(image.renditions.map((r) => storage.put(r.key, r.data, 'image/webp')));
  try {
    const row = await db.media.create({
      data: {
        id,
        storageKey: id,
        originalName: file.name.slice(0, 200) || 'image',
        format: image.format,
        width: image.width,
        height: image.height,
        bytes: file.data.byteLength,
        renditions: image.renditions.map(({ data: _data, ...r }) => r),
        uploadedById: viewer.id,
      },
      select,
    });
    return toItem(row);
  } catch (error) {
    await storage.remove(id);
    throw error;
  }
}

export async function listMedia(viewer: Viewer | null, take = 60): Promise<MediaItem[]> {
  assertCan(viewer, 'newsroom.enter');
  const rows = await db.media.findMany({ orderBy: { createdAt: 'desc' }, take, select });
  return rows.map(toItem);
}

export async function updateMediaText(viewer: Viewer | null, id: string, text: { altText: string; caption: string; credit: string }): Promise<void> {
  assertCan(viewer, 'story.create');
  const { count } = await db.media.updateMany({ where: { id }, data: text });
  if (count === 0) throw new NotFoundError('That image is not in the media library.');
}
