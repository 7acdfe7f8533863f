import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, ValidationError } from '@/lib/data/errors';
import { listMedia, updateMediaText, uploadMedia, type MediaItem } from '@/lib/data/media';
import { getPublishedStory } from '@/lib/data/public-stories';
import { restoreRevision } from '@/lib/data/revisions';
import { createStory, getStoryForEdit, keepVersionAside, saveStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import type { Doc } from '@/lib/editor/schema';
import { MAX_PIXELS, UnsupportedImageError } from '@/lib/media/process';
import { UploadError, readUpload } from '@/lib/media/upload-stream';
import { makeUser, storyFields } from './helpers';

let uploader: Viewer;
let otherReporter: Viewer;
let editor: Viewer;
let sectionId: string;

const png = (width = 1000, height = 600) => sharp({ create: { width, height, channels: 3, background: '#4a6b8a' } }).png().toBuffer();

async function image(by: Viewer, text = { altText: 'A quay at dusk', caption: 'The quay', credit: 'Staff' }): Promise<MediaItem> {
  const item = await uploadMedia(by, { name: 'quay.png', data: await png() });
  await updateMediaText(by, item.id, text);
  return item;
}

const bodyWith = (item: MediaItem, attrs: Record<string, unknown> = {}): Doc =>
  ({
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'Before the picture.' }] },
      { type: 'image', attrs: { src: item.src, alt: item.alt || 'x', mediaId: item.id, caption: '', credit: '', width: null, height: null, ...attrs } },
    ],
  }) as Doc;

async function publishedStoryShowing(item: MediaItem) {
  const fields = storyFields([uploader.id], { sectionId, body: bodyWith(item) });
  const { id, slug } = await createStory(uploader, fields);
  await db.story.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date(Date.now() - 1000), firstPublishedAt: new Date() } });
  return { id, slug };
}

const figure = (doc: Doc) => doc.content.find((b) => b.type === 'image') as Extract<Doc['content'][number], { type: 'image' }> | undefined;

beforeAll(async () => {
  uploader = await makeUser('REPORTER');
  otherReporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  const slug = `media-${randomUUID().slice(0, 6)}`;
  sectionId = (await db.section.create({ data: { name: slug, slug } })).id;
});

describe('who may change an image\'s alt text, caption and credit', () => {
  it('the uploader while no live story shows it; not another reporter', async () => {
    const item = await image(uploader);
    await expect(updateMediaText(otherReporter, item.id, { altText: 'Changed', caption: 'Changed', credit: 'Changed' })).rejects.toBeInstanceOf(ForbiddenError);
    await updateMediaText(uploader, item.id, { altText: 'A quay at dawn', caption: 'The quay', credit: 'Staff' });
    expect((await db.media.findUniqueOrThrow({ where: { id: item.id } })).altText).toBe('A quay at dawn');
  });

  it('refuses a reporter\'s caption edit on an image of a live story and changes nothing; an editor\'s is audited and reaches the public page', async () => {
    const item = await image(uploader);
    const story = await publishedStoryShowing(item);
    const section = (await db.section.findUniqueOrThrow({ where: { id: sectionId } })).slug;
    expect(figure((await getPublishedStory(section, story.slug))!.body)?.attrs.caption).toBe('The quay');

    // The library tells the form beforehand.
    expect((await listMedia(uploader)).find((m) => m.id === item.id)).toMatchObject({ onLiveStory: true, canEditText: false });
    expect((await listMedia(editor)).find((m) => m.id === item.id)).toMatchObject({ onLiveStory: true, canEditText: true });
    const error = await updateMediaText(uploader, item.id, { altText: 'A quay at dusk', caption: 'Not what happened', credit: 'Staff' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForbiddenError);
    expect((error as Error).message).toMatch(/published or scheduled story: only an editor/);
    expect(await db.media.findUniqueOrThrow({ where: { id: item.id }, select: { caption: true } })).toEqual({ caption: 'The quay' });
    expect(await db.auditEvent.count({ where: { entityId: item.id, action: 'media.text' } })).toBe(1); // the upload's own text only

    await updateMediaText(editor, item.id, { altText: 'A quay at dusk', caption: 'The quay, before the storm', credit: 'Staff' });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { entityId: item.id, action: 'media.text', actorId: editor.id } });
    expect(audit).toMatchObject({ entityType: 'media', note: 'caption: “The quay” → “The quay, before the storm”' });
    // The public read was invalidated by the edit, and takes the caption from the library row.
    expect(figure((await getPublishedStory(section, story.slug))!.body)?.attrs.caption).toBe('The quay, before the storm');
  });
});

describe('image nodes in a story body', () => {
  it('store the library\'s src, size and texts whatever the request carried', async () => {
    const item = await image(uploader);
    const { id } = await createStory(uploader, storyFields([uploader.id]));
    const forged = bodyWith(item, { src: `/media/${item.id}/480.webp`, alt: 'Something else', caption: 'Forged caption', credit: 'Nobody', width: 9999, height: 1 });
    await saveStory(uploader, id, { ...storyFields([uploader.id], { body: forged }), baseVersion: 1, kind: 'manual', label: '' });
    const stored = figure((await getStoryForEdit(uploader, id)).body)!;
    const shown = item.renditions.find((r) => r.width >= 960)!;
    expect(stored.attrs).toEqual({ src: shown.src, width: shown.width, height: shown.height, alt: 'A quay at dusk', caption: 'The quay', credit: 'Staff', mediaId: item.id, title: null });
  });

  it('are refused while the library has no alt text for them', async () => {
    const item = await uploadMedia(uploader, { name: 'bare.png', data: await png() });
    const { id } = await createStory(uploader, storyFields([uploader.id]));
    const error = await saveStory(uploader, id, { ...storyFields([uploader.id], { body: bodyWith(item, { alt: 'Typed in the request' }) }), baseVersion: 1, kind: 'manual', label: '' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.body?.[0]).toMatch(/Add alt text to every image in the media library/);
  });
});

describe('uploads', () => {
  it(`refuses a 200-megapixel PNG from its header, without decoding it (limit ${MAX_PIXELS / 1e6} MP)`, async () => {
    const data = await sharp({ create: { width: 20000, height: 10000, channels: 3, background: '#808080' } }).png({ compressionLevel: 9 }).toBuffer();
    const rss = process.memoryUsage().rss;
    const error = await uploadMedia(uploader, { name: 'huge.png', data }).catch((e: unknown) => e);
    const grew = process.memoryUsage().rss - rss;
    expect(error).toBeInstanceOf(UnsupportedImageError);
    expect((error as Error).message).toMatch(/20000 × 10000 pixels \(200 megapixels\); the limit is 64 megapixels/);
    // Decoding it would take 600 MB; reading its header takes next to nothing.
    expect(grew).toBeLessThan(64 * 1024 * 1024);
  });

  it('cuts off a chunked 50 MB upload at the limit, holding at most the limit in memory', async () => {
    const boundary = 'masthead-test-boundary';
    const chunk = Buffer.alloc(256 * 1024, 0x41);
    const total = 50 * 1024 * 1024;
    let sent = 0;
    let head = true;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (head) {
          head = false;
          controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`));
          return;
        }
        if (sent >= total) {
          controller.enqueue(Buffer.from(`\r\n--${boundary}--\r\n`));
          controller.close();
          return;
        }
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    // No Content-Length: the size is only known by reading, as with any chunked upload.
    const request = new Request('http://localhost/api/desk/media', {
      method: 'POST',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: 'half',
    } as RequestInit);
    const limit = 15 * 1024 * 1024;
    const rss = process.memoryUsage().rss;
    const error = await readUpload(request, limit).catch((e: unknown) => e);
    const grew = process.memoryUsage().rss - rss;
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).status).toBe(413);
    // It stopped reading soon after the limit instead of taking all 50 MB.
    expect(sent).toBeLessThan(limit + 4 * 1024 * 1024);
    expect(grew).toBeLessThan(limit + 32 * 1024 * 1024);
  });

  it('reads a well-formed upload with its file name', async () => {
    const data = await png(40, 30);
    const form = new FormData();
    form.set('file', new Blob([data], { type: 'image/png' }), 'small.png');
    const upload = await readUpload(new Request('http://localhost/x', { method: 'POST', body: form }), 1024 * 1024);
    expect(upload.name).toBe('small.png');
    expect(upload.data.equals(data)).toBe(true);
  });

  it.each([
    ['no multipart type', { 'content-type': 'application/json' }, '{}', 415],
    ['no file field', { 'content-type': 'multipart/form-data; boundary=b' }, '--b\r\nContent-Disposition: form-data; name="other"\r\n\r\nx\r\n--b--\r\n', 400],
    ['a declared length over the limit', { 'content-type': 'multipart/form-data; boundary=b', 'content-length': String(20 * 1024 * 1024) }, '--b--\r\n', 413],
  ])('refuses %s', async (_what, headers, body, status) => {
    const error = await readUpload(new Request('http://localhost/x', { method: 'POST', headers, body }), 1024 * 1024).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).status).toBe(status);
  });
});

describe('restore and copy-aside apply a save\'s checks', () => {
  it('a reporter cannot restore a version that takes them off the byline', async () => {
    const { id } = await createStory(uploader, storyFields([uploader.id, otherReporter.id]));
    // An editor's save puts only the other reporter on the byline; then it goes back to the first's byline.
    await saveStory(editor, id, { ...storyFields([otherReporter.id]), baseVersion: 1, kind: 'manual', label: '' });
    const offByline = await db.revision.findFirstOrThrow({ where: { storyId: id }, orderBy: { createdAt: 'desc' }, select: { id: true } });
    await saveStory(editor, id, { ...storyFields([uploader.id, otherReporter.id]), baseVersion: 2, kind: 'manual', label: '' });
    await expect(restoreRevision(uploader, id, offByline.id, 3)).rejects.toThrow('Reporters can add or reorder bylines but not take themselves off a story.');
    expect((await getStoryForEdit(uploader, id)).version).toBe(3);
  });

  it('a restore takes images from the library as it is now', async () => {
    const item = await image(uploader);
    const { id } = await createStory(uploader, storyFields([uploader.id], { body: bodyWith(item) }));
    const first = await db.revision.findFirstOrThrow({ where: { storyId: id }, select: { id: true } });
    await updateMediaText(uploader, item.id, { altText: 'A quay, renamed', caption: 'Renamed', credit: 'Staff' });
    await restoreRevision(uploader, id, first.id, 1);
    expect(figure((await getStoryForEdit(uploader, id)).body)?.attrs).toMatchObject({ alt: 'A quay, renamed', caption: 'Renamed' });
  });

  it('copy-aside refuses a version that takes the reporter off the byline, and bad fields', async () => {
    const { id } = await createStory(uploader, storyFields([uploader.id]));
    await expect(keepVersionAside(uploader, id, storyFields([otherReporter.id]), 'mine')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(keepVersionAside(uploader, id, storyFields([uploader.id], { sectionId: 'no-such-section' }), 'mine')).rejects.toBeInstanceOf(ValidationError);
    expect(await db.revision.count({ where: { storyId: id } })).toBe(1);
  });
});
