import { get as httpGet } from 'node:http';
import { gunzipSync } from 'node:zlib';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { createApprovedStory, query } from './support/db';
import { FRONT_URL, frontCounter, startFront, type Front } from './support/front';
import { storageStateFor } from './support/roles';

// The cache front (Varnish with xkey, started with `npm run front`) in front of the production
// server: pages are served from it, and every public change purges it within a second.

let front: Front;
test.describe.configure({ mode: 'serial', timeout: 90_000 });
test.beforeAll(async () => {
  // Starting a server (migrations included) can take over a minute on a busy machine.
  test.setTimeout(180_000);
  front = await startFront();
});
test.afterAll(async () => {
  await front?.stop();
});

const SUMMIT = '/world/yoon-ishiba-second-summit-lima';
const viaFront = (path: string, init?: RequestInit) => fetch(`${FRONT_URL}${path}`, { redirect: 'manual', ...init });

const approvedStory = (headline: string) => createApprovedStory('front', headline);

async function workflowOf(browser: Browser, id: string) {
  const page = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await page.goto(`/newsroom/stories/${id}`);
  return page.getByRole('region', { name: 'Workflow' });
}

/** Milliseconds until `check` holds, polling the front every 50 ms; fails after `limit`. */
async function within(limit: number, check: () => Promise<boolean>): Promise<number> {
  const start = Date.now();
  while (Date.now() - start < limit) {
    if (await check()) return Date.now() - start;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`Not within ${limit} ms`);
}

test('the second request of an article is a front hit, cookies or not; the newsroom never is', async () => {
  const first = await viaFront(SUMMIT);
  expect(first.status).toBe(200);
  const second = await viaFront(SUMMIT, { headers: { cookie: 'authjs.session-token=someone-signed-in' } });
  expect(second.headers.get('x-cache')).toBe('HIT');
  expect(await second.text()).toContain('Yoon and Ishiba hold second summit in Lima');
  expect(second.headers.get('xkey')).toBeNull(); // keys stay between the server and the front
  expect(second.headers.get('set-cookie')).toBeNull();

  for (const path of ['/newsroom', '/login', '/search?q=summit', '/api/health']) {
    await viaFront(path);
    const again = await viaFront(path);
    expect(again.headers.get('x-cache'), path).not.toBe('HIT');
  }
});

test('a story published in the newsroom is at its URL and on the front page through the front within 300 ms', async ({ browser }) => {
  const headline = `Port reopens after storms ${Date.now()}`;
  const story = await approvedStory(headline);
  // Both pages are in the front's cache before the story goes live: the old home, a 404 at its URL.
  // (Another worker's publish may purge the home page meanwhile: it is asked again until cached.)
  expect((await viaFront(story.path)).status).toBe(404);
  await within(2000, async () => (await viaFront('/')).headers.get('x-cache') === 'HIT');
  expect((await viaFront(story.path)).headers.get('x-cache')).toBe('HIT');

  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  // The publishing instance sends the purge before it answers, so by the time the bar says
  // "published" the front only has to fetch the new page (how fast exactly: npm run bench).
  await within(300, async () => (await viaFront(story.path)).status === 200);
  await within(300, async () => (await (await viaFront('/')).text()).includes(headline));
});

test('unpublishing answers 410 through the front within 300 ms', async ({ browser }) => {
  const story = await approvedStory(`Ferry strike called off ${Date.now()}`);
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await within(2000, async () => (await viaFront(story.path)).status === 200);
  expect((await viaFront(story.path)).headers.get('x-cache')).toBe('HIT');

  await workflow.getByRole('button', { name: 'Unpublish' }).click();
  await expect(workflow).toContainText('unpublished');
  await within(300, async () => (await viaFront(story.path)).status === 410);
});

/** A request as a client sends it that does (gzip) or does not (plain) take compressed answers. */
function ask(path: string, encoding: 'gzip' | 'plain') {
  return new Promise<{ status: number; encoding?: string; cache?: string; length?: number; text: string }>((resolve, reject) => {
    const headers: Record<string, string> = encoding === 'gzip' ? { 'accept-encoding': 'gzip' } : {};
    httpGet(`${FRONT_URL}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        const text = res.headers['content-encoding'] === 'gzip' ? gunzipSync(body).toString() : body.toString();
        const length = res.headers['content-length'] === undefined ? undefined : Number(res.headers['content-length']);
        resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], cache: res.headers['x-cache'] as string | undefined, length, text });
      });
    }).on('error', reject);
  });
}

test('a client that does not take gzip gets a plain copy cached beside the gzipped one, and a purge takes both', async ({ browser }) => {
  const headline = `Tram line extended to the port ${Date.now()}`;
  const story = await approvedStory(headline);
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await within(2000, async () => (await ask(story.path, 'plain')).status === 200);
  await within(2000, async () => (await ask(story.path, 'gzip')).status === 200);

  const plain = await ask(story.path, 'plain');
  expect(plain).toMatchObject({ status: 200, cache: 'HIT', encoding: undefined });
  expect(plain.text).toContain(headline);
  expect(plain.length).toBe(Buffer.byteLength(plain.text));
  // Served from its own copy: more plain readers cost the front no unzipping.
  const unzipped = frontCounter('MAIN.n_gunzip');
  for (let i = 0; i < 5; i++) expect((await ask(story.path, 'plain')).cache).toBe('HIT');
  expect(frontCounter('MAIN.n_gunzip')).toBe(unzipped);
  const zipped = await ask(story.path, 'gzip');
  expect(zipped).toMatchObject({ status: 200, cache: 'HIT', encoding: 'gzip' });
  expect(zipped.text).toBe(plain.text);

  await workflow.getByRole('button', { name: 'Unpublish' }).click();
  await expect(workflow).toContainText('unpublished');
  await within(2000, async () => (await ask(story.path, 'plain')).status === 410);
  await within(2000, async () => (await ask(story.path, 'gzip')).status === 410);
});

test('a purge sent while the front is stopped is delivered after it restarts', async ({ browser }) => {
  const story = await approvedStory(`Harbour dredging resumes ${Date.now()}`);
  await front.stop();
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  // The purge for this story was recorded with the publication; while the front is down it stays
  // unconfirmed through repeated attempts …
  const owed = () => query<{ attempts: number; sent: boolean }>(`SELECT attempts, "sentAt" IS NOT NULL AS sent FROM "FrontPurge" WHERE $1 = ANY(keys)`, [`api-story:${story.id}`]);
  await expect.poll(async () => (await owed())[0]?.attempts ?? 0, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
  expect((await owed()).every((row) => !row.sent)).toBe(true);

  // … and goes through once it is back.
  front = await startFront();
  await expect.poll(async () => (await owed()).every((row) => row.sent), { timeout: 15_000 }).toBe(true);
  expect((await viaFront(story.path)).status).toBe(200);
});

test('a PURGE without the shared secret is refused with 403, even from this machine', async () => {
  await viaFront(SUMMIT);
  expect((await viaFront(SUMMIT)).headers.get('x-cache')).toBe('HIT');
  const attempts: Record<string, string>[] = [{ 'xkey-purge': 'site' }, { 'xkey-purge': 'site', 'X-Purge-Secret': 'not-the-secret-at-all-000000' }];
  for (const headers of attempts) {
    const refused = await viaFront('/', { method: 'PURGE', headers });
    expect(refused.status).toBe(403);
  }
  // Nothing was purged by the refused requests.
  expect((await viaFront(SUMMIT)).headers.get('x-cache')).toBe('HIT');
  const allowed = await viaFront('/', { method: 'PURGE', headers: { 'xkey-purge': `path:${SUMMIT.slice(1)}`, 'X-Purge-Secret': process.env.MASTHEAD_PURGE_SECRET! } });
  expect(allowed.status).toBe(200);
  expect((await viaFront(SUMMIT)).headers.get('x-cache')).toBe('MISS');
});

test('a missing build file (private, no-store, 404 under /_next/) is never kept by the front', async () => {
  const path = `/_next/static/chunks/not-built-yet-${Date.now()}.js`;
  const first = await viaFront(path);
  expect(first.status).toBe(404);
  expect(first.headers.get('cache-control')).toMatch(/no-store/);
  const second = await viaFront(path);
  expect(second.status).toBe(404);
  expect(second.headers.get('x-cache')).not.toBe('HIT');
});

test('a legal takedown answers 451 at the origin and through the front within a second, and Restore to readers brings it back', async ({ browser }) => {
  const headline = `Court weighs injunction on dam report ${Date.now()}`;
  const story = await approvedStory(headline);
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await within(2000, async () => (await viaFront(story.path)).status === 200);
  expect((await viaFront(story.path)).headers.get('x-cache')).toBe('HIT');
  await within(2000, async () => (await (await viaFront('/api/v1/stories')).text()).includes(headline));

  const page = workflow.page();
  const legal = page.getByRole('region', { name: 'Legal' });
  await legal.getByRole('textbox', { name: 'Reason for a takedown' }).fill('Interim injunction, High Court');
  await legal.getByRole('button', { name: 'Take down for legal reasons' }).click();
  await expect(page.getByRole('note', { name: 'Legal takedown' })).toContainText('Interim injunction, High Court');
  await page.screenshot({ path: 'tests/e2e/screenshots/legal-takedown.png' });

  const origin = await fetch(`${BASE_URL}${story.path}`, { redirect: 'manual' });
  expect(origin.status).toBe(451);
  expect(await origin.text()).not.toContain(headline);
  await within(1000, async () => (await viaFront(story.path)).status === 451);
  await within(1000, async () => !(await (await viaFront('/api/v1/stories')).text()).includes(headline));
  expect(await (await fetch(`${BASE_URL}/feed.xml`)).text()).not.toContain(headline);

  await page.getByRole('button', { name: 'Restore to readers' }).click();
  await expect(page.getByRole('note', { name: 'Legal takedown' })).toHaveCount(0);
  await within(1000, async () => (await viaFront(story.path)).status === 200);
  expect(await (await viaFront(story.path)).text()).toContain(headline);
});

// Curating the front page. Here, in this serial file, because these tests share the front page's
// one arrangement and draft, and because the cache front must show each change too.

/** A live story published long ago, so that only an editor's choice can make it lead. */
async function oldLiveStory(headline: string, day: number) {
  const story = await approvedStory(headline);
  const at = new Date(Date.UTC(2020, 0, day));
  await query(`UPDATE "Story" SET status = 'PUBLISHED', "publishedAt" = $2, "firstPublishedAt" = $2 WHERE id = $1`, [story.id, at]);
  return { ...story, headline };
}

const leadIn = (html: string) => html.split('class="front-lead"')[1]?.split('</article>')[0] ?? '';
const originLead = async () => leadIn(await (await fetch(`${BASE_URL}/`)).text());
const frontLead = async () => leadIn(await (await viaFront('/')).text());

async function frontDesk(browser: Browser) {
  await query('DELETE FROM "FrontDraft"');
  const page = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await page.goto('/newsroom/front');
  return page;
}

async function choose(desk: Page, slot: string, headline: string) {
  await desk.getByRole('combobox', { name: slot }).fill(headline);
  await desk.getByRole('option', { name: new RegExp(headline) }).click();
  await expect(desk.getByRole('listitem', { name: slot })).toContainText(headline);
}

async function publishFront(desk: Page) {
  await expect(desk.getByRole('status').filter({ hasText: 'Draft saved' })).toBeVisible();
  const before = await desk.getByText(/^Live: /).textContent();
  await desk.getByRole('button', { name: 'Publish front page' }).click();
  await expect(desk.getByText(/^Live: version \d+/)).not.toHaveText(before ?? '');
}

test('an editor chooses the lead story and publishes: it leads at the origin and through the front within a second', async ({ browser }) => {
  const chosen = await oldLiveStory(`Archive essay leads ${Date.now()}`, 2);
  await viaFront('/');
  expect((await viaFront('/')).headers.get('x-cache')).toBe('HIT');
  expect(await frontLead()).not.toContain(chosen.headline);

  const desk = await frontDesk(browser);
  await choose(desk, 'Lead story', chosen.headline);
  await publishFront(desk);
  const origin = await within(1000, async () => (await originLead()).includes(chosen.headline));
  const front = await within(1000, async () => (await frontLead()).includes(chosen.headline));
  console.log(`front page lead: origin ${origin} ms, cache front ${front} ms after publication`);
  await desk.screenshot({ path: 'tests/e2e/screenshots/front-desk.png', fullPage: true });
});

test('restoring the previous version brings the old lead back; unpublishing it lets the newest story lead', async ({ browser }) => {
  const first = await oldLiveStory(`Restored lead ${Date.now()}`, 3);
  const second = await oldLiveStory(`Replaced lead ${Date.now()}`, 4);
  const desk = await frontDesk(browser);
  await choose(desk, 'Lead story', first.headline);
  await publishFront(desk);
  await choose(desk, 'Lead story', second.headline);
  await publishFront(desk);
  await within(1000, async () => (await originLead()).includes(second.headline));

  const history = desk.getByRole('region', { name: 'History' });
  await history.getByRole('row', { name: new RegExp(first.headline) }).getByRole('button', { name: /^Restore version/ }).click();
  await expect(history.getByRole('alert')).toContainText('is live again');
  await within(1000, async () => (await originLead()).includes(first.headline));
  await within(1000, async () => (await frontLead()).includes(first.headline));

  const workflow = await workflowOf(browser, first.id);
  await workflow.getByRole('button', { name: 'Unpublish' }).click();
  await expect(workflow).toContainText('unpublished');
  // The slot falls back to the newest live story, which other tests may be publishing meanwhile.
  await expect
    .poll(async () => {
      const [newest] = await query<{ headline: string }>(`SELECT headline FROM "Story" WHERE status = 'PUBLISHED' AND "publishedAt" <= now() AND "sectionId" IS NOT NULL ORDER BY "publishedAt" DESC, id LIMIT 1`);
      const lead = await originLead();
      return !lead.includes(first.headline) && lead.includes(newest!.headline);
    })
    .toBe(true);
  await desk.reload();
  await expect(desk.getByRole('region', { name: 'History' }).getByRole('row').nth(1)).toContainText('unpublished');
});

test('slots move by keyboard and by drag and drop, and Preview shows the draft as readers would see it', async ({ browser }) => {
  const a = await oldLiveStory(`Moved by keys ${Date.now()}`, 5);
  const b = await oldLiveStory(`Moved by drag ${Date.now()}`, 6);
  const desk = await frontDesk(browser);
  await choose(desk, 'Lead story', a.headline);
  await choose(desk, 'Top story 1', b.headline);

  await desk.getByRole('combobox', { name: 'Lead story' }).press('Alt+ArrowDown');
  await expect(desk.getByRole('listitem', { name: 'Lead story' })).toContainText(b.headline);
  await expect(desk.getByRole('listitem', { name: 'Top story 1' })).toContainText(a.headline);

  // A native drag: press on the slot, move over the target twice (the second move is the
  // dragover the drop needs), release. On a busy machine the browser can miss the start of a drag,
  // as a person's would: the gesture is made again, only while the story is not yet in its new slot.
  const target = desk.getByRole('listitem', { name: 'Top story 3' });
  await expect(async () => {
    if (!(await target.textContent())?.includes(a.headline)) {
      await desk.getByRole('listitem', { name: 'Top story 1' }).getByText(a.headline).hover({ timeout: 2000 });
      await desk.mouse.down();
      await target.hover();
      await target.hover({ position: { x: 20, y: 20 } });
      await desk.mouse.up();
    }
    await expect(target).toContainText(a.headline, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(desk.getByRole('listitem', { name: 'Top story 1' })).toContainText('Empty');

  await desk.getByRole('button', { name: 'Move World block up' }).click();
  await expect(desk.getByRole('region', { name: 'World block' })).toContainText('1. World');

  const [preview] = await Promise.all([desk.context().waitForEvent('page'), desk.getByRole('link', { name: 'Preview' }).click()]);
  await expect(preview.getByRole('note')).toContainText('Preview of the front page draft');
  await expect(preview.locator('.front-lead')).toContainText(b.headline);
  await expect(preview.locator('.front-section-title').first()).toHaveText('World');
  // Readers still see the published arrangement.
  expect(await originLead()).not.toContain(b.headline);
  await query('DELETE FROM "FrontDraft"');
});

test('the preview and the desk are for editors only', async ({ browser }) => {
  const reporter = await (await browser.newContext({ storageState: storageStateFor('reporter') })).newPage();
  await reporter.goto('/newsroom/front');
  await expect(reporter.getByText('The front page is arranged by editors.')).toBeVisible();
  await reporter.goto('/preview/front');
  await expect(reporter.getByRole('heading', { name: 'Only editors can preview the front page' })).toBeVisible();
  const anonymous = await fetch(`${BASE_URL}/preview/front`);
  expect(await anonymous.text()).toContain('Only editors can preview the front page');
});
