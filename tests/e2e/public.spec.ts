import { expect, test } from '@playwright/test';
import { storageStateFor } from './support/roles';
import { summitParagraphs } from '../support/summit';

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
    await desk.goto('/newsroom');
    await expect(desk.getByRole('columnheader', { name: 'Bylines' })).toBeVisible();
    await expect(desk.getByRole('row', { name: /Port strike enters second week/ })).toContainText('In review');
    await expect(desk.getByRole('row', { name: /Central bank holds rates/ })).toContainText('Sam Okafor and Riley Chen');
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
