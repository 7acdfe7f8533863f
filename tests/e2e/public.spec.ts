import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/roles';
import { summitParagraphs } from '../support/summit';
import { writeAndSubmit } from './support/editor';

const PARAGRAPHS = summitParagraphs();

test('a reader finds the summit story from the home page and reads it exactly as written', async ({ page }) => {
  await page.goto('/');
  await page.screenshot({ path: 'tests/e2e/screenshots/home.png', fullPage: true });
  // Through the masthead's search: what the front page shows depends on what editors (and other
  // tests) have published since.
  await page.getByRole('searchbox', { name: 'Search stories' }).fill('Ishiba Lima summit');
  await page.getByRole('searchbox', { name: 'Search stories' }).press('Enter');
  await page.getByRole('link', { name: /Yoon and Ishiba hold second summit/ }).click();
  await expect(page).toHaveURL(/\/world\/yoon-ishiba-second-summit-lima$/);

  const article = page.getByRole('article');
  await expect(article.getByRole('heading', { level: 1 })).toHaveText(
    'Yoon and Ishiba hold second summit in Lima, voice concern over North Korean troops in Russia',
  );
  await expect(article).toContainText('By Lee Jon-young, Diplomacy Journal');
  const paragraphs = await page.locator('.article-body > p').allTextContents();
  expect(paragraphs).toHaveLength(PARAGRAPHS.length);
  // The dateline opens the first paragraph; everything else is the source, character for character.
  expect(paragraphs[0]).toBe(`LIMA — ${PARAGRAPHS[0]}`);
  expect(paragraphs.slice(1)).toEqual(PARAGRAPHS.slice(1));
  await expect(page.getByRole('list', { name: 'Topics' })).toContainText('North Korea');
  await page.screenshot({ path: 'tests/e2e/screenshots/article.png', fullPage: true });

  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: 'tests/e2e/screenshots/article-phone.png' });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  expect(overflow).toBe(false);
});

test('a section page lists only that section\'s published stories', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Business', exact: true }).click();
  await expect(page).toHaveURL(/\/business$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Business');
  const headlines = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headlines.filter({ hasText: 'Central bank holds rates steady as inflation cools for a third month' })).toHaveCount(1);
  // Every story listed is a Business story, and none from another section slipped in.
  const links = await headlines.getByRole('link').evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  expect(links.length).toBeGreaterThan(3);
  for (const path of links) expect(path).toMatch(/^\/business\//);
  await expect(page.getByRole('link', { name: /Yoon and Ishiba/ })).toHaveCount(0);
  expect((await page.goto('/no-such-section'))?.status()).toBe(404);
});

test('drafts and unknown stories are not public', async ({ page }) => {
  expect((await page.goto('/politics/council-delays-transit-budget-vote'))?.status()).toBe(404);
  expect((await page.goto('/world/no-such-story'))?.status()).toBe(404);
  await page.goto('/');
  await expect(page.getByText('City council delays vote')).toHaveCount(0);
});

test.describe('the login page and the desk', () => {
  test('look right', async ({ page, browser }) => {
    await page.goto('/login');
    await page.screenshot({ path: 'tests/e2e/screenshots/login.png' });
    const context = await browser.newContext({ storageState: storageStateFor('editor') });
    const desk = await context.newPage();
    // Searched for: other specs add stories, and the desk's first page shows the newest 50.
    await desk.goto('/newsroom?q=Port+strike+enters+second+week');
    await expect(desk.getByRole('row', { name: /Port strike enters second week/ })).toContainText('In review');
    await desk.goto('/newsroom?q=Central+bank+holds+rates');
    await expect(desk.getByRole('row', { name: /Central bank holds rates/ })).toContainText('Sam Okafor and Riley Chen');
    await desk.goto('/newsroom');
    await expect(desk.getByRole('columnheader', { name: 'Bylines' })).toBeVisible();
    await desk.screenshot({ path: 'tests/e2e/screenshots/desk.png', fullPage: true });
    await context.close();
  });
});

test('every response carries the basic security headers', async ({ request }) => {
  for (const url of ['/', '/login', '/world/yoon-ishiba-second-summit-lima']) {
    const headers = (await request.get(url)).headers();
    expect(headers['x-content-type-options'], url).toBe('nosniff');
    expect(headers['x-frame-options'], url).toBe('DENY');
    expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
    expect(headers['x-powered-by'], url).toBeUndefined();
  }
});

test('a Korean headline gets a Korean address, and readers, feeds and the sitemap reach it there', async ({ browser, request }) => {
  const reporter = await browser.newContext({ storageState: storageStateFor('reporter') });
  const page = await reporter.newPage();
  const headline = `북한, 동해상으로 탄도미사일 발사 ${Date.now() % 100000}`;
  const id = await writeAndSubmit(page, { headline, text: '북한이 오늘 아침 동해상으로 탄도미사일을 발사했다고 합동참모본부가 밝혔다.', section: 'World' });
  const slug = await page.getByLabel('Slug').inputValue();
  expect(slug).toMatch(/^북한-동해상으로-탄도미사일-발사-\d+$/);
  await reporter.close();

  const editor = await browser.newContext({ storageState: storageStateFor('editor') });
  const desk = await editor.newPage();
  await desk.goto(`/newsroom/stories/${id}`);
  const workflow = desk.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Approve' }).click();
  await expect(workflow).toContainText('approved');
  await workflow.getByRole('button', { name: 'Publish' }).click();
  await expect(workflow).toContainText('published');
  await editor.close();

  // The browser sends the address percent-encoded; the page answers with the story.
  const reader = await browser.newPage();
  const response = await reader.goto(`/world/${slug}`);
  expect(response!.status()).toBe(200);
  await expect(reader.getByRole('heading', { level: 1 })).toHaveText(headline);
  const canonical = await reader.locator('link[rel="canonical"]').getAttribute('href');
  expect(canonical).toContain(`/world/${encodeURI(slug)}`);
  // Machines get the encoded form: the news sitemap and the API.
  const sitemap = await (await request.get('/news-sitemap.xml')).text();
  expect(sitemap).toContain(`/world/${encodeURI(slug)}</loc>`);
  const api = await request.get(`/api/v1/stories/${encodeURIComponent(slug)}`);
  expect(api.status()).toBe(200);
  expect((await api.json()).data.headline).toBe(headline);
  await reader.close();
});
