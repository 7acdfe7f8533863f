import { readdir } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { ForbiddenError } from '@/lib/data/errors';
import { listMedia, updateMediaText, uploadMedia } from '@/lib/data/media';
import type { Viewer } from '@/lib/data/viewer';
import { MAX_UPLOAD_BYTES, UnsupportedImageError } from '@/lib/media/process';
import { mediaStorage } from '@/lib/media/storage';
import { makeUser } from './helpers';

let reporter: Viewer;

/** The folders the disk storage keeps, one per stored upload. */
async function storedFolders(): Promise<string[]> {
  const config = env();
  const root = path.resolve(config.MASTHEAD_MEDIA_DIR ?? path.join(config.MASTHEAD_DATA_DIR, 'media'));
  return (await readdir(root).catch(() => [] as string[])).sort();
}

// A photo as a phone would send it: GPS position and camera details in its EXIF block.
const photoWithGps = () =>
  sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'PhoneCo', Model: 'Secret Source Cam', Artist: 'Anonymous source' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '37/1 33/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '126/1 58/1 0/1' },
    })
    .toBuffer();

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
});

describe('media uploads', () => {
  it('stores web renditions of a JPEG with every trace of its EXIF block removed', async () => {
    const original = await photoWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    expect(original.includes(Buffer.from('Secret Source Cam'))).toBe(true);

    const item = await uploadMedia(reporter, { name: 'source.jpg', data: original });
    expect(item).toMatchObject({ format: 'jpeg', width: 1200, height: 800, alt: '' });
    expect(item.renditions.map((r) => r.width)).toEqual([480, 960, 1200]);
    for (const rendition of item.renditions) {
      const stored = await mediaStorage().get(rendition.key);
      expect(stored).not.toBeNull();
      const meta = await sharp(stored!).metadata();
      expect(meta.format).toBe('webp');
      expect(meta.exif).toBeUndefined();
      expect(stored!.includes(Buffer.from('Secret Source Cam'))).toBe(false);
      expect(stored!.includes(Buffer.from('PhoneCo'))).toBe(false);
    }
  });

  it('reads the type from the content, not the name, and accepts PNG, WebP and AVIF', async () => {
    const base = sharp({ create: { width: 64, height: 48, channels: 4, background: '#336699' } });
    for (const [format, data] of [
      ['png', await base.clone().png().toBuffer()],
      ['webp', await base.clone().webp().toBuffer()],
      ['avif', await base.clone().avif().toBuffer()],
    ] as const) {
      const item = await uploadMedia(reporter, { name: 'looks-like.gif', data });
      expect(item.format).toBe(format);
    }
  });

  it.each([
    ['an SVG (it can carry scripts)', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10" onload="alert(1)"/>'), /SVG files are not accepted/],
    ['a text file named .jpg', Buffer.from('just some text, not an image'), /not an image we can read/],
    ['a file over the size limit', Buffer.alloc(MAX_UPLOAD_BYTES + 1), /too large/],
  ])('refuses %s and stores nothing', async (_name, data, message) => {
    const before = { rows: await db.media.count(), files: await storedFolders() };
    const error = await uploadMedia(reporter, { name: 'upload.jpg', data }).catch((e) => e);
    expect(error).toBeInstanceOf(UnsupportedImageError);
    expect((error as Error).message).toMatch(message);
    // Neither a row nor a file on disk: counted whole, not through a list that stops at a page.
    expect({ rows: await db.media.count(), files: await storedFolders() }).toEqual(before);
  });

  it('keeps alt text, caption and credit, and only for newsroom members', async () => {
    const item = await uploadMedia(reporter, { name: 'x.png', data: await sharp({ create: { width: 8, height: 8, channels: 3, background: '#fff' } }).png().toBuffer() });
    await updateMediaText(reporter, item.id, { altText: 'A harbour at dawn', caption: 'The harbour', credit: 'Staff photo' });
    expect((await listMedia(reporter)).find((m) => m.id === item.id)).toMatchObject({ alt: 'A harbour at dawn', caption: 'The harbour', credit: 'Staff photo' });
    await expect(updateMediaText(null, item.id, { altText: '', caption: '', credit: '' })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
