import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { query } from './support/db';
import { body, expectSaved, startStory } from './support/editor';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('reporter') });

test('upload an image, describe it, and use it in a story and as its featured image', async ({ page }) => {
  const jpeg = await sharp({ create: { width: 1600, height: 900, channels: 3, background: { r: 30, g: 90, b: 160 } } })
    .jpeg()
    .withExif({ IFD0: { Model: 'Source Phone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '12/1 2/1 0/1' } })
    .toBuffer();
  await page.goto('/newsroom/media');
  await page.getByLabel('Upload images').setInputFiles([
    { name: 'harbour.jpg', mimeType: 'image/jpeg', buffer: jpeg },
    { name: 'logo.svg', mimeType: 'image/svg+xml', buffer: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>') },
  ]);
  const results = page.getByRole('status').filter({ hasText: 'harbour.jpg' });
  await expect(results).toContainText('harbour.jpg: uploaded.');
  await expect(results).toContainText('logo.svg: SVG files are not accepted');

  const details = page.getByRole('form', { name: 'Details of harbour.jpg' }).first();
  await expect(details.getByRole('status')).toHaveText('Needs alt text before it can be used.');
  const [media] = await query<{ id: string; renditions: { src: string }[] }>(`SELECT id, renditions FROM "Media" WHERE "originalName" = 'harbour.jpg' ORDER BY "createdAt" DESC LIMIT 1`);
  const rendition = await page.request.get(media!.renditions[0]!.src);
  expect(rendition.headers()['content-type']).toBe('image/webp');
  expect(rendition.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
  expect((await rendition.body()).includes(Buffer.from('Source Phone'))).toBe(false);

  // Without alt text the picker will not offer it.
  await startStory(page, 'Harbour reopens after storm', 'The harbour reopened on Monday.');
  await page.getByRole('button', { name: 'Insert image' }).click();
  const picker = page.getByRole('dialog', { name: 'Insert image' });
  await expect(picker.getByText('Needs alt text').first()).toBeVisible();
  await picker.getByRole('button', { name: 'Cancel' }).click();
  const storyUrl = page.url();

  await page.goto('/newsroom/media');
  await details.getByLabel('Alt text').fill('Fishing boats moored in the harbour at dawn');
  await details.getByLabel('Caption').fill('Boats back in the harbour on Monday.');
  await details.getByLabel('Credit').fill('Staff photo');
  await details.getByRole('button', { name: 'Save details' }).click();
  await expect(details.getByRole('status')).toHaveText('Saved.');
  await page.screenshot({ path: 'tests/e2e/screenshots/media.png', fullPage: true });

  await page.goto(storyUrl);
  await body(page).locator('p').last().click();
  await page.getByRole('button', { name: 'Insert image' }).click();
  await page.getByRole('dialog', { name: 'Insert image' }).getByRole('button', { name: 'Use Fishing boats moored in the harbour at dawn' }).click();
  await expect(body(page).locator('img[alt="Fishing boats moored in the harbour at dawn"]')).toBeVisible();
  await page.getByRole('button', { name: 'Choose featured image' }).click();
  await page.getByRole('dialog', { name: 'Choose a featured image' }).getByRole('button', { name: 'Use Fishing boats moored in the harbour at dawn' }).click();
  await expect(page.getByRole('img', { name: 'Fishing boats moored in the harbour at dawn' })).toHaveCount(2);
  await expectSaved(page);
  await page.screenshot({ path: 'tests/e2e/screenshots/editor-image.png', fullPage: true });

  const id = storyUrl.split('/').pop();
  const [story] = await query<{ featuredImageId: string; body: { content: { type: string; attrs?: { alt: string; mediaId: string } }[] } }>(
    'SELECT "featuredImageId", body FROM "Story" WHERE id = $1',
    [id],
  );
  expect(story!.featuredImageId).toBe(media!.id);
  expect(story!.body.content.find((n) => n.type === 'image')?.attrs).toMatchObject({ alt: 'Fishing boats moored in the harbour at dawn', mediaId: media!.id });
});
