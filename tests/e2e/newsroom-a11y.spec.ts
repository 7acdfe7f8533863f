import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

// The newsroom is used all day, often by keyboard: the same automated check as the public site.
// One test per page, so that each has its own time and the two workers share them out.

const firstId = async (sql: string) => (await query<{ id: string }>(sql))[0]!.id;
const story = () => firstId(`SELECT id FROM "Story" WHERE slug = 'port-strike-second-week'`);
const live = () => firstId(`SELECT id FROM "Story" WHERE format = 'LIVE' ORDER BY "createdAt" LIMIT 1`);
const wireItem = () => firstId(`SELECT id FROM "WireItem" ORDER BY "receivedAt" LIMIT 1`);

const pages: [name: string, url: () => Promise<string> | string, role: 'admin' | 'editor' | null][] = [
  ['sign-in', () => '/login', null],
  ['desk', () => '/newsroom', 'editor'],
  ['review queue', () => '/newsroom/review', 'editor'],
  ['story editor', async () => `/newsroom/stories/${await story()}`, 'editor'],
  ['story history', async () => `/newsroom/stories/${await story()}/history`, 'editor'],
  ['new story', () => '/newsroom/stories/new', 'editor'],
  ['inbox', () => '/newsroom/inbox', 'editor'],
  ['media library', () => '/newsroom/media', 'editor'],
  ['people', () => '/newsroom/people', 'admin'],
  ['audit log', () => '/newsroom/audit', 'admin'],
  ['front page', () => '/newsroom/front', 'editor'],
  ['site settings', () => '/newsroom/settings/site', 'admin'],
  ['style settings', () => '/newsroom/settings/style', 'admin'],
  ['budget', () => '/newsroom/budget', 'editor'],
  ['account', () => '/newsroom/account', 'editor'],
  ['live blog', async () => `/newsroom/stories/${await live()}`, 'editor'],
  ['wires desk', () => '/newsroom/wires', 'editor'],
  ['wire item', async () => `/newsroom/wires/${await wireItem()}`, 'editor'],
  ['embed settings', () => '/newsroom/settings/embeds', 'admin'],
  ['wire settings', () => '/newsroom/settings/wires', 'admin'],
];

for (const [name, urlFor, role] of pages) {
  test(`newsroom ${name} page passes an automated accessibility check`, async ({ browser }) => {
    const url = await urlFor();
    const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
    const page = await context.newPage();
    await page.goto(url);
    // Its main content drawn first (a positive sign the page is there); pages that poll or hold a
    // socket open never go network-idle, so that wait is bounded.
    await expect(page.locator('main').first(), url).toBeVisible();
    await page.waitForLoadState('networkidle', { timeout: 5_000 }).catch(() => {});
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`)).toEqual([]);
    await context.close();
  });
}
