import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import Parser from 'rss-parser';
import { query } from './support/db';
import { writeAndSubmit } from './support/editor';
import { storageStateFor, type RoleName } from './support/roles';

const SUMMIT = '/world/yoon-ishiba-second-summit-lima';

async function as(browser: Browser, role: RoleName) {
  const context = await browser.newContext({ storageState: storageStateFor(role) });
  return { context, page: await context.newPage() };
}

async function expectAccessible(page: Page, name: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), name).toEqual([]);
}

test('the summit page carries NewsArticle JSON-LD, canonical URL and social cards', async ({ page }) => {
  await page.goto(SUMMIT);
  const raw = await page.locator('script[type="application/ld+json"]').textContent();
  const ld = JSON.parse(raw!);
  expect(ld['@type']).toBe('NewsArticle');
  expect(ld.headline).toBe('Yoon and Ishiba hold second summit in Lima, voice concern over North Korean troops in Russia');
  expect(ld.description).toMatch(/^Meeting on the sidelines of APEC/);
  expect(new Date(ld.datePublished).toISOString()).toBe(ld.datePublished);
  expect(new Date(ld.dateModified).getTime()).toBeGreaterThanOrEqual(new Date(ld.datePublished).getTime());
  expect(ld.author).toEqual([{ '@type': 'Person', name: 'Lee Jon-young', url: expect.stringMatching(/\/authors\/lee-jon-young$/) }]);
  expect(ld.publisher).toMatchObject({ name: 'Masthead', logo: { '@type': 'ImageObject', url: expect.stringMatching(/\/logo\.png$/) } });
  expect(ld.image).toHaveLength(1);
  expect(ld.articleSection).toBe('World');
  expect(ld.keywords).toContain('North Korea');
  expect(ld.isAccessibleForFree).toBe(true);
  expect(ld.mainEntityOfPage['@id']).toMatch(new RegExp(`${SUMMIT}$`));

  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`${SUMMIT}$`));
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', /summary/);
  await expect(page.locator('meta[name="description"]')).toHaveAttribute('content', /^Meeting on the sidelines of APEC/);
  const times = page.getByRole('article').locator('time');
  await expect(times.first()).toHaveAttribute('datetime', '2024-11-16T22:30:00.000Z');
  await expect(times.first()).toContainText('UTC');
  // Bylines and tags lead somewhere.
  await page.getByRole('link', { name: 'Lee Jon-young' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lee Jon-young');
  await expect(page.getByRole('link', { name: /Yoon and Ishiba hold second summit/ })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/author.png', fullPage: true });
});

test('home, section, article, tag, author and search pages pass an automated accessibility check', async ({ page }) => {
  // Axe on eight pages, on a machine whose other worker is busy too.
  test.setTimeout(180_000);
  for (const [name, url] of [
    ['home', '/'],
    ['section', '/world'],
    ['article', SUMMIT],
    ['search', '/search?q=summit'],
    ['tag', '/tags/north-korea'],
    ['author', '/authors/lee-jon-young'],
    ['not found', '/no/such/page'],
  ] as const) {
    await page.goto(url);
    await expectAccessible(page, name);
  }
  await page.emulateMedia({ colorScheme: 'dark' });
  for (const url of ['/', SUMMIT]) {
    await page.goto(url);
    await expectAccessible(page, `${url} (dark)`);
  }
  await page.goto(SUMMIT);
  await page.screenshot({ path: 'tests/e2e/screenshots/article-dark.png' });
});

test('reading pages work with the keyboard and at 320 px', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 720 });
  for (const url of ['/', '/world', SUMMIT, '/search?q=summit']) {
    await page.goto(url);
    expect(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), url).toBe(false);
  }
  await page.screenshot({ path: 'tests/e2e/screenshots/search-320.png', fullPage: true });
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
  await page.screenshot({ path: 'tests/e2e/screenshots/home-320.png', fullPage: true });
});

test('search ranks, highlights and handles empty and odd queries', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('Ishiba cooperation');
  await page.getByRole('searchbox', { name: 'Search stories' }).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=Ishiba\+cooperation/);
  // Other tests publish summit stories of their own; the seeded one must be among the results.
  const hit = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /Yoon and Ishiba hold second summit/ }) });
  await expect(hit).toHaveCount(1);
  await expect(hit.locator('mark').first()).toHaveText(/Ishiba|cooperation/i);
  // Each result names its section, bylines and date; a snippet cut mid-sentence ends on a word and an ellipsis.
  await expect(hit).toContainText('World');
  await expect(hit.locator('.meta')).toContainText(/^By Lee Jon-young · \d{1,2} \w+ 2024$/);
  await expect(hit.locator('.snippet')).toHaveText(/(\w[.!?”’)]|\w …)$/);
  await page.screenshot({ path: 'tests/e2e/screenshots/search.png', fullPage: true });

  await page.goto('/search');
  await expect(page.getByRole('status')).toContainText('Type a few words');
  await page.goto('/search?q=%22unclosed');
  await expect(page.getByRole('status')).toContainText('No stories match');
  await page.goto(`/search?q=${'x'.repeat(201)}`);
  await expect(page.getByRole('status')).toContainText('at most 200 characters');
  await page.goto('/search?q=%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E');
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect((await page.goto('/search?q=summit&cursor=not-a-cursor'))?.status()).toBe(404);
  // Drafts are never found.
  await page.goto('/search?q=council+transit+budget');
  await expect(page.getByRole('status')).toContainText('No stories match');
});

/** The sitemap index and every child it names, each valid XML, as one text. */
async function sitemapText(request: APIRequestContext): Promise<string> {
  const index = await (await request.get('/sitemap.xml')).text();
  expect(XMLValidator.validate(index)).toBe(true);
  const children = new XMLParser({ isArray: (name) => name === 'sitemap' }).parse(index).sitemapindex.sitemap as { loc: string }[];
  expect(children.map((c) => new URL(c.loc).pathname)).toContain('/sitemaps/pages.xml');
  const texts = await Promise.all(children.map(async (c) => (await request.get(new URL(c.loc).pathname)).text()));
  for (const text of texts) expect(XMLValidator.validate(text)).toBe(true);
  return texts.join('\n');
}

test('publishing, renaming and unpublishing a story: feeds, sitemaps, API, search and URLs follow', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const headline = `Harbour authority approves night ferries ${Date.now()}`;
  const reporter = await as(browser, 'reporter');
  const id = await writeAndSubmit(reporter.page, { headline: headline, text: 'Night ferries between the two harbours will start in spring, the authority said on Tuesday.', section: 'Business' });
  const [{ slug }] = (await query<{ slug: string }>('SELECT slug FROM "Story" WHERE id = $1', [id])) as [{ slug: string }];
  await reporter.context.close();

  const editor = await as(browser, 'editor');
  await editor.page.goto(`/newsroom/stories/${id}`);
  const workflow = editor.page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Approve' }).click();
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  const url = `/business/${slug}`;

  // Everywhere a reader or a machine looks, the story is there.
  expect((await request.get(url)).status()).toBe(200);
  const feed = await new Parser().parseString(await (await request.get('/feed.xml')).text());
  expect(feed.items.map((i) => i.title)).toContain(headline);
  const sectionFeed = await new Parser().parseString(await (await request.get('/business/feed.xml')).text());
  expect(sectionFeed.items.map((i) => i.title)).toContain(headline);
  const newsXml = await (await request.get('/news-sitemap.xml')).text();
  expect(XMLValidator.validate(newsXml)).toBe(true);
  const news = new XMLParser({ isArray: (name) => name === 'url' }).parse(newsXml);
  const newsEntry = news.urlset.url.find((u: { loc: string }) => u.loc.endsWith(url));
  expect(newsEntry['news:news']['news:title']).toBe(headline);
  const sitemap = await sitemapText(request);
  expect(sitemap).toContain(`${url}</loc>`);
  const api = await (await request.get('/api/v1/stories?section=business')).json();
  expect(api.data.map((s: { id: string }) => s.id)).toContain(id);
  expect((await request.get(`/api/v1/stories/${id}`)).status()).toBe(200);
  const search = await (await request.get('/api/v1/stories?q=night+ferries')).json();
  expect(search.data.map((s: { id: string }) => s.id)).toContain(id);

  // A new slug: the old URL answers 301 to the new one, and only the new one is listed.
  await editor.page.reload();
  const slugForm = editor.page.getByRole('form', { name: 'Change the story’s address' });
  await slugForm.getByLabel('New slug').fill(`${slug}-renamed`);
  await slugForm.getByRole('button', { name: 'Change slug' }).click();
  await expect(slugForm.getByRole('status')).toContainText('the old one redirects');
  const moved = await request.get(url, { maxRedirects: 0 });
  expect(moved.status()).toBe(301);
  expect(moved.headers()['location']).toMatch(new RegExp(`/business/${slug}-renamed$`));
  expect((await request.get(`/business/${slug}-renamed`)).status()).toBe(200);
  const [audit] = await query<{ fromState: string; toState: string }>(`SELECT "fromState", "toState" FROM "AuditEvent" WHERE "storyId" = $1 AND action = 'story.slug'`, [id]);
  expect(audit).toEqual({ fromState: slug, toState: `${slug}-renamed` });

  // Unpublished: gone from every list; both URLs answer 410.
  await editor.page.reload();
  await workflow.getByRole('button', { name: 'Unpublish' }).click();
  await expect.poll(async () => (await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [id]))[0]!.status).toBe('UNPUBLISHED');
  await editor.page.screenshot({ path: 'tests/e2e/screenshots/editor-unpublished.png', fullPage: true });
  await expect(workflow).toContainText('unpublished');
  await editor.context.close();
  for (const path of [url, `/business/${slug}-renamed`]) {
    const gone = await request.get(path, { maxRedirects: 0 });
    expect(gone.status(), path).toBe(410);
    expect(await gone.text()).toContain('This story is no longer available');
  }
  const feedAfter = await new Parser().parseString(await (await request.get('/feed.xml')).text());
  expect(feedAfter.items.map((i) => i.title)).not.toContain(headline);
  expect(await (await request.get('/news-sitemap.xml')).text()).not.toContain(slug);
  expect(await sitemapText(request)).not.toContain(slug);
  expect((await (await request.get('/api/v1/stories?section=business')).json()).data.map((s: { id: string }) => s.id)).not.toContain(id);
  expect((await request.get(`/api/v1/stories/${id}`)).status()).toBe(404);
  expect((await (await request.get('/api/v1/stories?q=night+ferries')).json()).data).toEqual([]);
  expect(await (await request.get('/business')).text()).not.toContain(headline);
});

test('every reading page comes from the origin’s page cache after its first request', async ({ request }) => {
  const pages = ['/', '/world', '/tags/north-korea', '/authors/lee-jon-young', '/corrections', '/feed.xml', '/world/feed.xml', '/tags/north-korea/feed.xml', '/sitemap.xml', '/sitemaps/pages.xml', '/news-sitemap.xml', SUMMIT];
  for (const path of pages) {
    // Another test may publish in between and revalidate the page: then the next request is cached.
    await expect.poll(async () => {
      const response = await request.get(path);
      expect(response.status(), path).toBe(200);
      return response.headers()['x-nextjs-cache'];
    }, { message: path, intervals: [0, 100, 250] }).toBe('HIT');
  }
  // Older pages of a list follow their cursor, so they are rendered per request, never cached whole.
  const older = await request.get('/world?cursor=bogus');
  expect(older.status()).toBe(404);
  expect(older.headers()['x-nextjs-cache']).toBeUndefined();
  // The addresses those pages are rendered at are not addresses of the site.
  for (const path of ['/cached/front', '/cached/files/feed.xml', '/older/section/world']) expect((await request.get(path)).status(), path).toBe(404);
});

test('cache headers let a CDN keep public pages but never the newsroom', async ({ request }) => {
  for (const url of ['/', SUMMIT, '/world', '/feed.xml', '/api/v1/stories']) {
    expect((await request.get(url)).headers()['cache-control'], url).toMatch(/s-maxage=\d+.*stale-while-revalidate=\d+/);
  }
  expect((await request.get('/login')).headers()['cache-control']).not.toMatch(/public/);
});

test('the public API: published stories only, filters, cursors, ninjs, CORS and clear 400s', async ({ request }) => {
  const first = await request.get('/api/v1/stories?limit=1');
  expect(first.headers()['access-control-allow-origin']).toBe('*');
  const page1 = await first.json();
  expect(page1.data).toHaveLength(1);
  expect(Object.keys(page1.data[0]).sort()).toEqual(['bylines', 'dek', 'headline', 'id', 'image', 'live', 'publishedAt', 'section', 'slug', 'tags', 'updatedAt', 'url'].sort());
  const page2 = await (await request.get(`/api/v1/stories?limit=1&cursor=${page1.nextCursor}`)).json();
  expect(page2.data[0].id).not.toBe(page1.data[0].id);

  const statuses = (await query<{ slug: string; status: string }>(`SELECT slug, status FROM "Story"`)).filter((s) => s.status !== 'PUBLISHED');
  const all = await (await request.get('/api/v1/stories?limit=100')).json();
  for (const hidden of statuses) expect(all.data.map((s: { slug: string }) => s.slug)).not.toContain(hidden.slug);
  expect((await request.get('/api/v1/stories/council-delays-transit-budget-vote')).status()).toBe(404);

  const story = (await (await request.get('/api/v1/stories/yoon-ishiba-second-summit-lima')).json()).data;
  expect(story.bodyHtml).toContain('<p><span class="dateline">LIMA — </span>President Yoon Suk-yeol held his second summit');
  expect(story.body.type).toBe('doc');
  const byId = (await (await request.get(`/api/v1/stories/${story.id}`)).json()).data;
  expect(byId.slug).toBe('yoon-ishiba-second-summit-lima');
  const ninjs = await (await request.get('/api/v1/stories/yoon-ishiba-second-summit-lima?format=ninjs')).json();
  expect(ninjs).toMatchObject({ type: 'text', pubstatus: 'usable', headlines: [{ role: 'main', value: story.headline }], by: 'Lee Jon-young', located: 'LIMA' });
  expect(ninjs.uri).toMatch(/\/world\/yoon-ishiba-second-summit-lima$/);
  expect(ninjs.bodies[0].contenttype).toBe('text/html');

  const filtered = await (await request.get('/api/v1/stories?tag=north-korea&author=lee-jon-young&section=world')).json();
  expect(filtered.data.map((s: { slug: string }) => s.slug)).toContain('yoon-ishiba-second-summit-lima');
  expect((await (await request.get('/api/v1/stories?section=business&tag=north-korea')).json()).data).toEqual([]);

  for (const [query_, message] of [
    ['bogus=1', 'Unknown parameter: bogus.'],
    ['limit=0', '"limit" must be between 1 and 100.'],
    ['limit=ten', '"limit" must be a number.'],
    ['section=World!', '"section" must be a slug'],
    ['cursor=abc', 'not one this site gave out'],
    ['section=world&section=business', 'given more than once'],
  ]) {
    const response = await request.get(`/api/v1/stories?${query_}`);
    expect(response.status(), query_).toBe(400);
    expect((await response.json()).error.message, query_).toContain(message);
  }
  expect((await request.get('/api/v1/stories/yoon-ishiba-second-summit-lima?format=xml')).status()).toBe(400);
  expect((await request.get('/api/v1/sections?x=1')).status()).toBe(400);
  expect((await (await request.get('/api/v1/sections')).json()).data.map((s: { slug: string }) => s.slug)).toEqual(['politics', 'world', 'business', 'opinion']);
  expect((await (await request.get('/api/v1/authors')).json()).data.map((a: { slug: string }) => a.slug)).toContain('lee-jon-young');
  expect((await (await request.get('/api/v1/tags')).json()).data.map((t: { slug: string }) => t.slug)).toContain('north-korea');
  const openapi = await (await request.get('/api/v1/openapi.json')).json();
  expect(Object.keys(openapi.paths)).toEqual(['/stories', '/stories/{ref}', '/sections', '/tags', '/authors']);
  const preflight = await request.fetch('/api/v1/stories', { method: 'OPTIONS' });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()['access-control-allow-methods']).toContain('GET');
});

test('tag feeds, robots.txt and the print stylesheet', async ({ request, page }) => {
  const tagFeed = await new Parser().parseString(await (await request.get('/tags/north-korea/feed.xml')).text());
  expect(tagFeed.title).toBe('North Korea · Masthead');
  expect(tagFeed.items.map((i) => i.link)).toContainEqual(expect.stringMatching(new RegExp(`${SUMMIT}$`)));
  expect((await request.get('/tags/no-such-tag/feed.xml')).status()).toBe(404);
  const robots = await (await request.get('/robots.txt')).text();
  expect(robots).toMatch(/Disallow: \/newsroom/);
  expect(robots).toMatch(/Sitemap: .*\/news-sitemap\.xml/);

  await page.goto(SUMMIT);
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('search')).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/article-print.png', fullPage: true });
});

test('section, tag and author pages page by cursor, and refuse cursors they never gave out', async ({ page, request }) => {
  // A cursor positioned just after the summit story (the shape the site gives out: time and id).
  const summit = (await (await request.get('/api/v1/stories/yoon-ishiba-second-summit-lima')).json()).data;
  const after = Buffer.from(JSON.stringify({ at: summit.publishedAt, id: summit.id })).toString('base64url');
  await page.goto(`/world?cursor=${after}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('World');
  await expect(page.getByRole('link', { name: summit.headline })).toHaveCount(0);
  await expect(page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Newest' })).toHaveAttribute('href', '/world');
  await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Newest' }).click();
  await expect(page.getByRole('link', { name: summit.headline })).toBeVisible();
  for (const url of ['/world?cursor=bogus', '/tags/north-korea?cursor=bogus', '/authors/lee-jon-young?cursor=bogus', '/world?cursor=a&cursor=b']) {
    expect((await page.goto(url))?.status(), url).toBe(404);
  }
});

test('an admin renames the site: the masthead, titles, feeds, JSON-LD publisher and manifest follow; a blank name is refused', async ({ browser, request }) => {
  const { page, context } = await as(browser, 'admin');
  const form = async (name: string, tagline: string, description: string) => {
    await page.goto('/newsroom/settings/site');
    await page.getByLabel('Site name').fill(name);
    await page.getByLabel('Tagline').fill(tagline);
    await page.getByLabel('Description').fill(description);
    await page.getByRole('button', { name: 'Save site identity' }).click();
  };
  // Every page shows the name: warm a few so that the change has cached pages to reach.
  for (const url of ['/', SUMMIT, '/world', '/feed.xml']) await request.get(url);
  try {
    await form('   ', 'A tagline', 'A description'); // the browser lets spaces through; the server does not
    await expect(page.getByLabel('Site name')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByRole('status')).toContainText('Please correct');
    expect(await (await request.get('/')).text()).toContain('>Masthead</a>');

    await form('The Morning Ledger', 'News since this morning', 'Local and world news from the Morning Ledger.');
    await expect(page.getByRole('status')).toContainText('Saved');
    await expect.poll(async () => (await (await request.get('/')).text()).includes('>The Morning Ledger</a>'), { timeout: 2000 }).toBe(true);
    const article = await (await request.get(SUMMIT)).text();
    expect(article).toContain('<title>Yoon and Ishiba hold second summit in Lima, voice concern over North Korean troops in Russia · The Morning Ledger</title>');
    expect(article).toMatch(/"publisher":\{"@type":"NewsMediaOrganization","name":"The Morning Ledger"/);
    expect(await (await request.get('/world')).text()).toContain('News since this morning');
    const feed = await new Parser().parseString(await (await request.get('/feed.xml')).text());
    expect(feed.title).toBe('The Morning Ledger');
    expect(feed.description).toBe('Local and world news from the Morning Ledger.');
    expect((await (await request.get('/manifest.webmanifest')).json()).name).toBe('The Morning Ledger');
    const [audit] = await query<{ toState: string }>(`SELECT "toState" FROM "AuditEvent" WHERE action = 'settings.site' ORDER BY "createdAt" DESC LIMIT 1`);
    expect(audit!.toState).toContain('name: The Morning Ledger');
  } finally {
    await form('Masthead', 'Independent journalism', 'Reporting on politics, the world, business and opinion, corrected in the open.');
    await expect(page.getByRole('status')).toContainText('Saved');
    await context.close();
  }
  await expect.poll(async () => (await (await request.get('/')).text()).includes('>Masthead</a>'), { timeout: 2000 }).toBe(true);
});

test('the site has a favicon, a touch icon and a web app manifest', async ({ page, request }) => {
  await page.goto('/');
  const icon = await page.locator('link[rel="icon"]').first().getAttribute('href');
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const manifest = await page.locator('link[rel="manifest"]').getAttribute('href');
  for (const href of [icon, touch, manifest]) expect((await request.get(href!)).status(), href!).toBe(200);
  const body = await (await request.get(manifest!)).json();
  expect(body.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const i of body.icons) expect((await request.get(i.src)).headers()['content-type']).toBe('image/png');
  // Browsers and crawlers ask for /favicon.ico whatever the page says: the same mark, as an icon file.
  const ico = await request.get('/favicon.ico');
  expect(ico.status()).toBe(200);
  expect(ico.headers()['content-type']).toBe('image/x-icon');
  expect((await ico.body()).subarray(0, 4)).toEqual(Buffer.from([0, 0, 1, 0]));
});
