import { randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createApprovedStory, query } from './support/db';
import { storageStateFor } from './support/roles';

// Newsroom tables at the widths editors work at: a story with several long bylines and a long
// headline wraps inside its cells; nothing runs past the page.

test('newsroom tables wrap long cells and stay inside the page at 1280 and 1024 px', async ({ browser }) => {
  const run = randomUUID().slice(0, 6);
  const { id } = await createApprovedStory('layout', `Regional transport authority publishes its long-delayed review of night services across the ${run} districts`);
  // A headline with a long unbroken word, on legal hold and under embargo: the marks and the word wrap too.
  const { id: marked } = await createApprovedStory('layout', `Embargoed ${'NIGHTSERVICESREVIEW'.repeat(4)}${run}`);
  await query(`UPDATE "Story" SET "legalHold" = true, "legalHoldReason" = 'Layout test', "embargoUntil" = now() + interval '1 day' WHERE id = $1`, [marked]);
  const [{ hash }] = (await query<{ hash: string }>(`SELECT "passwordHash" AS hash FROM "User" WHERE email = 'reporter@example.com'`)) as [{ hash: string }];
  for (let i = 0; i < 4; i++) {
    const userId = `layout-${run}-${i}`;
    await query(
      `INSERT INTO "User" (id, email, name, role, slug, "passwordHash", "updatedAt") VALUES ($1, $2, $3, 'REPORTER', $1, $4, now())`,
      [userId, `${userId}@example.com`, `Maximiliana Wolfeschlegelsteinhausen-Bergerdorff ${i} ${run}`, hash],
    );
    await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, $3)`, [id, userId, i + 1]);
  }
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  const page = await context.newPage();
  for (const width of [1280, 1024]) {
    await page.setViewportSize({ width, height: 800 });
    for (const path of ['/newsroom', '/newsroom/review', '/newsroom/people']) {
      await page.goto(path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${path} at ${width} px`).toBeLessThanOrEqual(0);
      for (const table of await page.getByRole('table').all()) {
        const box = (await table.boundingBox())!;
        expect(box.x + box.width, `${path} table at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
    await page.goto('/newsroom');
    await expect(page.getByRole('row').filter({ hasText: 'Maximiliana Wolfeschlegelsteinhausen-Bergerdorff 3' }).first()).toBeVisible();
    await page.screenshot({ path: `tests/e2e/screenshots/desk-${width}.png` });
  }
  await context.close();
});
