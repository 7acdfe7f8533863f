import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// The home page laid out as a newspaper, checked as a phone and a desktop see it: nothing wider
// than the screen, nothing moving as pictures arrive, nothing an automated accessibility check
// calls serious.

for (const width of [390, 1280]) {
  test(`the home page at ${width} px: no horizontal overflow, no layout shift, no serious accessibility violation`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    // Layout shifts are recorded from the very first paint, before any of the page's own code.
    await page.addInitScript(() => {
      const w = window as unknown as { __cls: number };
      w.__cls = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) w.__cls += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
    });
    await page.goto('/');
    await expect(page.locator('.front-lead')).toBeVisible();
    // Scroll through, so the lazy pictures load, then back.
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let y = 0; y < height; y += 600) await page.mouse.wheel(0, 600);
    await page.waitForLoadState('networkidle');
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `tests/e2e/screenshots/home-${width}.png`, fullPage: true });

    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    expect(cls).toBeLessThan(0.01);

    // Every picture has its size set; those below the first screen load lazily. (Which stories
    // lead depends on what other tests have published meanwhile, so counts are not fixed.)
    const images = await page.locator('main img').evaluateAll((imgs) =>
      imgs.map((i) => ({ width: i.getAttribute('width'), height: i.getAttribute('height'), srcset: i.getAttribute('srcset'), loading: i.getAttribute('loading'), alt: i.getAttribute('alt'), top: i.getBoundingClientRect().top + window.scrollY })),
    );
    expect(images.length).toBeGreaterThan(0);
    for (const image of images) {
      expect(Number(image.width)).toBeGreaterThan(0);
      expect(Number(image.height)).toBeGreaterThan(0);
      expect(image.srcset).toMatch(/\.webp \d+w/);
      expect(image.alt).toBeTruthy();
      if (image.top > 1.5 * 900) expect(image.loading, `an image ${Math.round(image.top)} px down`).toBe('lazy');
    }

    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    expect(serious).toEqual([]);
    await context.close();
  });
}

test('the home page has a lead with its picture, top stories, section blocks and a Latest list', async ({ page }) => {
  await page.goto('/');
  const top = page.getByRole('region', { name: 'Top stories' });
  await expect(top.locator('.front-lead')).toBeVisible();
  // The lead's picture, when it has one (an editor may choose a story without), is fetched first.
  const leadImage = top.locator('.front-lead img');
  if ((await leadImage.count()) > 0) await expect(leadImage).toHaveAttribute('fetchpriority', 'high');
  await expect(top.locator('img[fetchpriority="high"]')).toHaveCount(await leadImage.count());
  await expect(top.getByRole('heading', { level: 3 })).toHaveCount(5);
  for (const section of ['Politics', 'World', 'Business', 'Opinion']) {
    await expect(page.getByRole('region', { name: section })).toBeVisible();
  }
  await expect(page.getByRole('region', { name: 'Latest' }).getByRole('listitem')).toHaveCount(8);
});
