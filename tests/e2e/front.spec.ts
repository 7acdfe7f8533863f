import { expect, test, type Browser } from '@playwright/test';
import { createApprovedStory, query } from './support/db';
import { FRONT_URL, startFront, type Front } from './support/front';
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

test('a story published in the newsroom is on the front page and at its URL through the front within a second', async ({ browser }) => {
  const headline = `Port reopens after storms ${Date.now()}`;
  const story = await approvedStory(headline);
  // Both pages are in the front's cache before the story goes live: the old home, a 404 at its URL.
  await viaFront('/');
  expect((await viaFront(story.path)).status).toBe(404);
  expect((await viaFront('/')).headers.get('x-cache')).toBe('HIT');
  expect((await viaFront(story.path)).headers.get('x-cache')).toBe('HIT');

  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await within(1000, async () => (await viaFront(story.path)).status === 200);
  await within(1000, async () => (await (await viaFront('/')).text()).includes(headline));
});

test('unpublishing answers 410 through the front within a second', async ({ browser }) => {
  const story = await approvedStory(`Ferry strike called off ${Date.now()}`);
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await within(2000, async () => (await viaFront(story.path)).status === 200);
  expect((await viaFront(story.path)).headers.get('x-cache')).toBe('HIT');

  await workflow.getByRole('button', { name: 'Unpublish' }).click();
  await expect(workflow).toContainText('unpublished');
  await within(1000, async () => (await viaFront(story.path)).status === 410);
});

test('a purge sent while the front is stopped is delivered after it restarts', async ({ browser }) => {
  const story = await approvedStory(`Harbour dredging resumes ${Date.now()}`);
  await front.stop();
  const [{ before }] = (await query<{ before: number }>(`SELECT count(*)::int AS before FROM pgboss.job WHERE name = 'purge-front' AND state = 'completed'`)) as [{ before: number }];
  const workflow = await workflowOf(browser, story.id);
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  // The purge for this story waits, retrying, while the front is down …
  const pending = () => query<{ id: string }>(`SELECT id FROM pgboss.job WHERE name = 'purge-front' AND state IN ('created', 'retry', 'active') AND data::text LIKE $1`, [`%${story.id}%`]);
  await expect.poll(async () => (await pending()).length).toBeGreaterThan(0);
  await new Promise((r) => setTimeout(r, 3000));
  expect((await pending()).length).toBeGreaterThan(0);

  // … and goes through once it is back.
  front = await startFront();
  await expect.poll(async () => (await pending()).length, { timeout: 15_000 }).toBe(0);
  const [{ after }] = (await query<{ after: number }>(`SELECT count(*)::int AS after FROM pgboss.job WHERE name = 'purge-front' AND state = 'completed'`)) as [{ after: number }];
  expect(after).toBeGreaterThan(before);
  expect((await viaFront(story.path)).status).toBe(200);
});
