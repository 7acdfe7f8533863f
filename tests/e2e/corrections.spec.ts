import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { startStory } from './support/editor';
import { storageStateFor } from './support/roles';

test('an editor corrects a live story; readers see it on the story and on the corrections page', async ({ browser }) => {
  const [story] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE slug = 'central-bank-holds-rates-steady'`);
  const editor = await browser.newContext({ storageState: storageStateFor('editor') });
  const page = await editor.newPage();
  await page.goto(`/newsroom/stories/${story!.id}`);
  const form = page.getByRole('form', { name: 'Add a correction' });
  await form.getByLabel('Public text').fill('short');
  await form.getByRole('button', { name: 'Add correction' }).click();
  await expect(form.getByText('Write the correction readers will see (at least 10 characters).')).toBeVisible();
  await form.getByLabel('Type').selectOption('CORRECTION');
  await form.getByLabel('Public text').fill('An earlier version misstated the month of the decision.');
  await form.getByRole('button', { name: 'Add correction' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The correction is published' })).toBeVisible();

  const reader = await browser.newContext();
  const article = await reader.newPage();
  await article.goto('/business/central-bank-holds-rates-steady');
  const box = article.getByRole('complementary', { name: 'Corrections' });
  await expect(box).toContainText('An earlier version misstated the month of the decision.');
  await expect(article.getByRole('article')).toContainText('Updated');
  await article.screenshot({ path: 'tests/e2e/screenshots/article-correction.png', fullPage: true });
  await article.goto('/corrections');
  await expect(article.getByRole('link', { name: 'Central bank holds rates steady as inflation cools for a third month' })).toBeVisible();
  await Promise.all([editor.close(), reader.close()]);
});

test('a reporter is not offered the correction form (the data layer refuses them too)', async ({ browser }) => {
  const reporter = await browser.newContext({ storageState: storageStateFor('reporter') });
  const page = await reporter.newPage();
  const [story] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE slug = 'central-bank-holds-rates-steady'`);
  await page.goto(`/newsroom/stories/${story!.id}`);
  await expect(page.getByRole('form', { name: 'Add a correction' })).toHaveCount(0);
  await reporter.close();
});

test('the inbox tells editors about submissions; the admin audit log lists every step', async ({ browser }) => {
  const editor = await browser.newContext({ storageState: storageStateFor('editor') });
  const page = await editor.newPage();
  await page.goto('/newsroom/inbox');
  await expect(page.getByRole('heading', { name: 'Inbox' })).toBeVisible();
  await page.goto('/newsroom');
  await expect(page.getByRole('link', { name: /^Inbox/ })).toBeVisible();

  const reporter = await browser.newContext({ storageState: storageStateFor('reporter') });
  const rp = await reporter.newPage();
  await startStory(rp, 'Tram fares to rise in spring', 'Fares go up by ten cents.');
  await rp.reload();
  await rp.getByRole('button', { name: 'Submit for review' }).click();
  await expect(rp.getByRole('region', { name: 'Workflow' })).toContainText('in review');

  await page.reload();
  const badge = page.getByRole('link', { name: /^Inbox/ });
  // Its name is its visible text, the count spelled out as unread.
  await expect(badge).toHaveAccessibleName(/^Inbox \d+ unread$/);
  const before = (await badge.textContent())!;
  await badge.click();
  const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Riley Chen submitted “Tram fares to rise in spring” for review.' }) });
  await expect(item).toContainText('new');
  // The badge follows without a reload (opening the inbox read everything in it)…
  await expect(badge).not.toHaveAccessibleName(before);
  // …and the list still shows what was new when it was opened.
  await expect(item).toContainText('new');

  const admin = await browser.newContext({ storageState: storageStateFor('admin') });
  const ap = await admin.newPage();
  await ap.goto('/newsroom/audit?action=story.submit');
  // In words: what was done, to which story (its headline), between which states.
  const submitted = ap.getByRole('row').filter({ has: ap.getByRole('rowheader', { name: 'submitted it for review' }) }).filter({ hasText: 'Tram fares to rise in spring' }).first();
  await expect(submitted).toBeVisible();
  await expect(submitted.getByRole('link', { name: 'Tram fares to rise in spring' })).toBeVisible();
  await expect(submitted).toContainText('draft → in review');
  await expect(ap.getByRole('table')).not.toContainText('IN_REVIEW');
  await expect(ap.getByLabel('Action')).toHaveValue('story.submit');
  await ap.screenshot({ path: 'tests/e2e/screenshots/audit.png', fullPage: true });
  await page.goto('/newsroom/audit');
  await expect(page.getByRole('heading', { name: 'Not available' })).toBeVisible();
  await Promise.all([editor.close(), reporter.close(), admin.close()]);
});
