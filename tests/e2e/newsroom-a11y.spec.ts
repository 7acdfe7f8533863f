import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

// The newsroom is used all day, often by keyboard: the same automated check as the public site.

test('newsroom pages pass an automated accessibility check', async ({ browser }) => {
  // Fourteen pages, each in a new context, on a machine whose other worker is busy too.
  test.setTimeout(240_000);
  const [story] = await query<{ id: string }>(`SELECT id FROM "Story" WHERE slug = 'port-strike-second-week'`);
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
  ];
  const found: string[] = [];
  for (const [url, role] of pages) {
    const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForLoadState('networkidle').catch(() => {});
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    for (const v of results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
      found.push(`${url} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
    }
    await context.close();
  }
  expect(found).toEqual([]);
});
