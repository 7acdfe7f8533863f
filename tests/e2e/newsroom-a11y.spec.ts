import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

// The newsroom is used all day, often by keyboard: the same automated check as the public site.

test('newsroom pages pass an automated accessibility check', async ({ browser }) => {
  // Every newsroom page (twenty), each in a new context, on a machine whose other worker is busy too.
  test.setTimeout(300_000);
  const [story] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE slug = 'port-strike-second-week'`);
  const [live] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE format = 'LIVE' ORDER BY "createdAt" LIMIT 1`);
  const [item] = await query<{ id: string }>(`SELECT id FROM "WireItem" ORDER BY "receivedAt" LIMIT 1`);
  const pages: [string, 'admin' | 'editor' | null][] = [
    ['/login', null],
    ['/newsroom', 'editor'],
    ['/newsroom/review', 'editor'],
    [`/newsroom/stories/${story!.id}`, 'editor'],
    [`/newsroom/stories/${story!.id}/history`, 'editor'],
    ['/newsroom/stories/new', 'editor'],
    ['/newsroom/inbox', 'editor'],
    ['/newsroom/media', 'editor'],
    ['/newsroom/people', 'admin'],
    ['/newsroom/audit', 'admin'],
    ['/newsroom/front', 'editor'],
    ['/newsroom/settings/site', 'admin'],
    ['/newsroom/settings/style', 'admin'],
    ['/newsroom/budget', 'editor'],
    ['/newsroom/account', 'editor'],
    [`/newsroom/stories/${live!.id}`, 'editor'],
    ['/newsroom/wires', 'editor'],
    [`/newsroom/wires/${item!.id}`, 'editor'],
    ['/newsroom/settings/embeds', 'admin'],
    ['/newsroom/settings/wires', 'admin'],
  ];
  const found: string[] = [];
  for (const [url, role] of pages) {
    const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
    const page = await context.newPage();
    await page.goto(url);
    // Its main content drawn first (a positive sign the page is there); pages that poll or hold a
    // socket open never go network-idle, so that wait is bounded.
    await expect(page.locator('main').first(), url).toBeVisible();
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
    }
    await context.close();
  }
  expect(found).toEqual([]);
});
