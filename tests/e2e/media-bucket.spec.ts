import { expect, test, type Browser } from '@playwright/test';
import sharp from 'sharp';
import { startServerProcess } from '../../scripts/lib/app-server';
import { S3Storage } from '../../lib/media/s3-storage';
import { S3_KEYS, startLocalS3, type LocalS3 } from '../support/s3-server';
import { createApprovedStory, query } from './support/db';
import { storageStateFor, type RoleName } from './support/roles';
import { PORTS } from './support/ports';

// Several machines, one media store: two instances on one PostgreSQL, each with a media folder of
// its own (startServerProcess makes one per process) and both pointed at one bucket on a real S3
// server (s3rver on 127.0.0.1). An image uploaded through one is served by the other.

type Instance = Awaited<ReturnType<typeof startServerProcess>>;
let s3: LocalS3;
let first: Instance;
let second: Instance;

test.describe.configure({ timeout: 120_000 });
test.beforeAll(async () => {
  // Starting two servers can take minutes on a busy machine.
  test.setTimeout(300_000);
  s3 = await startLocalS3();
  const options = (port: number, name: string, env: Record<string, string> = {}) => ({ port, databaseUrl: process.env.E2E_DATABASE_URL!, logFile: `test-results/${name}-server.log`, authSecret: process.env.E2E_AUTH_SECRET, env: { ...s3.env, ...env } });
  // The second sends readers' browsers to the bucket itself for images (s3rver answers unsigned GETs).
  [first, second] = await Promise.all([
    startServerProcess(options(PORTS.bucketFirst, 'bucket-first')),
    startServerProcess(options(PORTS.bucketSecond, 'bucket-second', { MASTHEAD_MEDIA_PUBLIC_URL: `${s3.endpoint}/${s3.bucket}` })),
  ]);
});
test.afterAll(async () => {
  await Promise.all([first?.stop(), second?.stop()]);
  await s3?.stop();
});

/** Uploads a photograph named `name` in the first instance's media library, signed in as `role`. */
async function uploadThroughFirst(browser: Browser, role: RoleName, name: string) {
  const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 40, g: 120, b: 90 } } }).jpeg().toBuffer();
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  const page = await context.newPage();
  await page.goto(`${first.baseUrl}/newsroom/media`);
  await page.getByLabel('Upload images').setInputFiles([{ name, mimeType: 'image/jpeg', buffer: jpeg }]);
  await expect(page.getByRole('status').filter({ hasText: name })).toContainText(`${name}: uploaded.`);
  return { context, page };
}

test('an image uploaded through one instance is stored in the bucket and served by the other, which has no copy on its disk', async ({ browser }) => {
  const name = `quay-${Date.now()}.jpg`;
  const { context, page } = await uploadThroughFirst(browser, 'reporter', name);

  const [media] = await query<{ id: string; renditions: { key: string; src: string; bytes: number }[] }>(`SELECT id, renditions FROM "Media" WHERE "originalName" = $1`, [name]);
  expect(media!.renditions.length).toBeGreaterThan(1);

  // In the bucket, under the keys the record names.
  const bucket = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: 'us-east-1', credentials: S3_KEYS, pathStyle: true });
  try {
    const held: string[] = [];
    for await (const key of bucket.keys()) if (key.startsWith(`${media!.id}/`)) held.push(key);
    expect(held.sort()).toEqual(media!.renditions.map((r) => r.key).sort());

    // Served by the other instance, byte for byte, with the same headers as from the disk.
    for (const rendition of media!.renditions) {
      const answer = await fetch(`${second.baseUrl}${rendition.src}`);
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe('image/webp');
      expect(answer.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const bytes = Buffer.from(await answer.arrayBuffer());
      expect(bytes.byteLength).toBe(rendition.bytes);
      expect(bytes.equals((await bucket.get(rendition.key))!)).toBe(true);
    }
  } finally {
    bucket.destroy();
  }

  // And shown in the other instance's media library.
  await page.goto(`${second.baseUrl}/newsroom/media`);
  const thumbnail = page.getByRole('listitem').filter({ has: page.getByRole('form', { name: `Details of ${name}` }) }).locator('img');
  await expect(thumbnail).toBeVisible();
  await expect.poll(() => thumbnail.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);

  // A file the bucket does not hold is a 404, as from the disk.
  expect((await fetch(`${second.baseUrl}/media/${media!.id.replace(/^./, media!.id[0] === 'a' ? 'b' : 'a')}/320.webp`)).status).toBe(404);
  expect((await fetch(`${second.baseUrl}/media/${media!.id}/7.webp`)).status).toBe(404);
  await context.close();
});

test('with a public media address, reading pages load their images from the bucket itself, allowed by the page’s policy; the newsroom keeps the origin’s', async ({ browser }) => {
  const name = `pier-${Date.now()}.jpg`;
  const { context, page } = await uploadThroughFirst(browser, 'editor', name);
  const [media] = await query<{ id: string }>(`UPDATE "Media" SET "altText" = 'The pier at low tide' WHERE "originalName" = $1 RETURNING id`, [name]);

  const headline = `Pier reopens after repairs ${Date.now()}`;
  const story = await createApprovedStory('bucket', headline);
  await query(`UPDATE "Story" SET "featuredImageId" = $1 WHERE id = $2`, [media!.id, story.id]);
  await page.goto(`${first.baseUrl}/newsroom/stories/${story.id}`);
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');

  const reader = await browser.newPage();
  const blocked: string[] = [];
  reader.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  await reader.goto(`${second.baseUrl}${story.path}`);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  const picture = reader.getByRole('img', { name: 'The pier at low tide' });
  await expect(picture).toHaveAttribute('src', new RegExp(`^${s3.endpoint}/${s3.bucket}/${media!.id}/\\d+\\.webp$`));
  await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBeGreaterThan(0);
  expect(blocked).toEqual([]);
  // The other instance, without the setting, serves the same story's image itself.
  const own = await (await fetch(`${first.baseUrl}${story.path}`)).text();
  expect(own).toContain(`src="/media/${media!.id}/`);
  await reader.close();
  await context.close();
});
