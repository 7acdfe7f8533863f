import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { createApprovedStory, query } from './support/db';
import { storageStateFor } from './support/roles';

// A live blog, from the desk to the reader: an editor publishes it and posts entries (one a key
// event), a reader without JavaScript sees them on the story's page, each an article with its own
// address, and `live.json` carries them; a withdrawn entry leaves, and End coverage says when.

test.use({ storageState: storageStateFor('editor') });

async function post(page: Page, text: string, options: { headline?: string; keyEvent?: boolean } = {}) {
  const composer = page.getByRole('group', { name: 'New entry' });
  if (options.headline) await composer.getByLabel('Entry headline').fill(options.headline);
  await composer.getByRole('textbox', { name: 'Entry', exact: true }).click();
  await page.keyboard.type(text);
  if (options.keyEvent) await composer.getByLabel('Key event').check();
  await composer.getByRole('button', { name: 'Post entry' }).click();
  await expect(page.getByRole('list', { name: 'Entries' })).toContainText(text);
  await expect(composer.getByRole('textbox', { name: 'Entry', exact: true })).toHaveText('');
}

// Two polls of the open page (10 to 15 s each) besides the posting.
test.describe.configure({ timeout: 150_000 });

test('an editor runs a live blog: an open page offers new updates, readers without JavaScript see them on reload, live.json and JSON-LD carry them; withdraw and End coverage follow', async ({ page, browser }) => {
  const headline = `Lima summit day, live ${Date.now()}`;
  const story = await createApprovedStory('live', headline);
  await query(`UPDATE "Story" SET format = 'LIVE' WHERE id = $1`, [story.id]);
  await page.goto(`/newsroom/stories/${story.id}`);
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');

  const desk = page.getByRole('region', { name: 'Live coverage' });
  await expect(desk).toContainText('Coverage running');

  // A reader has the page open before any entry is posted (with JavaScript: the page polls).
  const watcher = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  await watcher.goto(story.path);
  await expect(watcher.getByRole('region', { name: 'Live coverage' })).toContainText('No updates yet.');
  await watcher.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));

  await post(page, 'The two leaders arrived at the palace at nine.');
  await post(page, 'They agreed to resume the shuttle diplomacy.', { headline: 'Agreement reached', keyEvent: true });
  await post(page, 'A joint statement is expected at noon.');
  await page.screenshot({ path: 'tests/e2e/screenshots/live-desk.png', fullPage: true });

  // The open page offers the three (it polls every 10 to 15 s) and inserts them on request, without a reload.
  const offer = watcher.getByRole('button', { name: '3 new updates' });
  await expect(offer).toBeVisible({ timeout: 40_000 });
  await offer.click();
  const watched = watcher.locator('.live-entries > article');
  await expect(watched).toHaveCount(3);
  await expect(watcher.getByRole('button', { name: /new update/ })).toBeHidden();
  await expect(watched.first()).toContainText('A joint statement is expected at noon.');
  await expect(watched.nth(1)).toContainText('Key event');
  expect(await watcher.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  await watcher.screenshot({ path: 'tests/e2e/screenshots/live-blog-new-updates.png', fullPage: true });

  // Search engines get a LiveBlogPosting with the three updates.
  await watcher.reload();
  const ld = JSON.parse((await watcher.locator('script[type="application/ld+json"]').textContent())!);
  expect(ld['@type']).toBe('LiveBlogPosting');
  expect(ld.coverageStartTime).toMatch(/^\d{4}-/);
  expect(ld.liveBlogUpdate.map((u: { headline: string }) => u.headline)).toEqual(['A joint statement is expected at noon.', 'Agreement reached', 'The two leaders arrived at the palace at nine.']);

  // A reader with no JavaScript.
  const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] }, javaScriptEnabled: false })).newPage();
  await reader.goto(story.path);
  const coverage = reader.getByRole('region', { name: 'Live coverage' });
  await expect(coverage.getByRole('status')).toHaveText('Live');
  const entries = coverage.locator('.live-entries > article');
  await expect(entries).toHaveCount(3);
  await expect(entries.first()).toContainText('A joint statement is expected at noon.');
  await expect(entries.nth(1)).toContainText('Key event');
  await expect(entries.nth(1).getByRole('heading', { level: 3 })).toHaveText('Agreement reached');
  const keyEvents = coverage.getByRole('navigation', { name: 'Key events' });
  await expect(keyEvents.getByRole('link')).toHaveCount(1);
  const anchor = await keyEvents.getByRole('link').getAttribute('href');
  expect(await entries.nth(1).getAttribute('id')).toBe(anchor!.slice(1));
  await expect(entries.first().locator('time')).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await reader.screenshot({ path: 'tests/e2e/screenshots/live-blog.png', fullPage: true });

  const live = await (await fetch(`${BASE_URL}${story.path}/live.json`)).json();
  expect(live.live).toBe(true);
  expect(live.entries.map((e: { html: string }) => e.html)).toEqual([
    '<p>A joint statement is expected at noon.</p>',
    '<p>They agreed to resume the shuttle diplomacy.</p>',
    '<p>The two leaders arrived at the palace at nine.</p>',
  ]);
  // The public API and ninjs carry the entries too.
  const api = (await (await fetch(`${BASE_URL}/api/v1/stories/${story.id}`)).json()).data;
  expect(api.live).toBe(true);
  expect(api.liveBlog.entries.map((e: { keyEvent: boolean }) => e.keyEvent)).toEqual([false, true, false]);
  const ninjs = await (await fetch(`${BASE_URL}/api/v1/stories/${story.id}?format=ninjs`)).json();
  expect(ninjs.associations.filter((a: { name: string }) => a.name.startsWith('entry-'))).toHaveLength(3);
  const feed = await fetch(`${BASE_URL}${story.path}/feed.xml`);
  expect(feed.headers.get('content-type')).toContain('application/rss+xml');
  const feedText = await feed.text();
  expect(feedText.match(/<item>/g)).toHaveLength(3);
  expect(feedText).toContain(`${story.path}#entry-`);
  const again = await fetch(`${BASE_URL}${story.path}/live.json`, { headers: { 'if-none-match': (await fetch(`${BASE_URL}${story.path}/live.json`)).headers.get('etag')! } });
  expect(again.status).toBe(304);

  // Withdrawn: gone from readers at once; the newsroom keeps it.
  const first = page.getByRole('list', { name: 'Entries' }).getByRole('listitem').filter({ hasText: 'arrived at the palace' });
  await first.getByRole('button', { name: 'Withdraw' }).click();
  await expect(first).toContainText('Withdrawn');
  await reader.reload();
  await expect(entries).toHaveCount(2);

  await desk.getByRole('button', { name: 'End coverage' }).click();
  await expect(desk).toContainText('Coverage ended');
  // The open page learns it at its next poll, says so and stops asking.
  await expect(watcher.getByRole('region', { name: 'Live coverage' }).locator('.live-status')).toHaveText('Coverage has ended', { timeout: 40_000 });
  await expect(watcher.locator('[data-live-url]')).toHaveAttribute('data-live-ended', 'true');
  await reader.reload();
  await expect(coverage.getByRole('status')).toContainText('Coverage ended');
  expect((await (await fetch(`${BASE_URL}${story.path}/live.json`)).json()).live).toBe(false);
  await reader.context().close();
  await watcher.context().close();
});
