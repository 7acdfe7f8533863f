import { expect, test } from '@playwright/test';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

// The planning budget: lines before any text exists, a day and a week view with what is late,
// and Start story turning a line into a linked draft whose state the line shows.

test.use({ storageState: storageStateFor('editor') });

const today = () => new Date().toISOString().slice(0, 10); // the e2e newsroom runs on UTC

test('a budget line becomes a story and shows its state; a line past its time shows as late', async ({ page }) => {
  const slug = `HARBOUR-${Date.now()}`;
  await page.goto('/newsroom/budget');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Budget');

  // Refused input keeps what was typed and names the field.
  await page.getByText('New budget line', { exact: true }).click();
  await page.getByLabel('Slugline').fill('   '); // the browser lets spaces through; the server does not
  await page.getByLabel('Summary').fill('Dredging contract: who won it and what it costs.');
  await page.getByRole('button', { name: 'Add to budget' }).click();
  await expect(page.getByLabel('Slugline')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByLabel('Summary')).toHaveValue('Dredging contract: who won it and what it costs.');

  await page.getByLabel('Slugline').fill(slug);
  await page.getByLabel('Planned length (words)').fill('800');
  await page.getByLabel('Section').selectOption({ label: 'Business' });
  await page.getByLabel('Assignee').selectOption({ label: 'Riley Chen' });
  await page.getByLabel(/^Due/).fill(`${today()}T23:59`);
  await page.getByRole('button', { name: 'Add to budget' }).click();
  const row = page.getByRole('row').filter({ hasText: slug });
  await expect(row).toContainText('Riley Chen');
  await expect(row).toContainText('Assigned');
  await expect(row).toContainText('800');

  // A line due an hour ago, not filed: late.
  const lateSlug = `LATE-${Date.now()}`;
  const [editor] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'editor@example.com'`);
  await query(`INSERT INTO "BudgetLine" (id, slugline, "dueAt", "createdById", "updatedAt") VALUES ($1, $2, now() - interval '1 hour', $3, now())`, [`late${Date.now()}`, lateSlug, editor!.id]);
  await page.goto(`/newsroom/budget?view=week&date=${today()}`);
  await expect(page.getByRole('row').filter({ hasText: lateSlug })).toContainText('Late');
  await expect(page.getByRole('paragraph').filter({ hasText: /late$/ })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/budget-week.png', fullPage: true });

  await page.goto('/newsroom/budget');
  await row.getByRole('button', { name: `Start story: ${slug}` }).click();
  await expect(page).toHaveURL(/\/newsroom\/stories\/[a-z0-9]+$/);
  await expect(page.getByLabel('Headline')).toHaveValue(slug);
  await expect(page.getByLabel('Dek', { exact: true })).toHaveValue('Dredging contract: who won it and what it costs.');
  const storyId = page.url().split('/').pop()!;
  const [story] = await query<{ status: string; sectionSlug: string; byline: string }>(
    `SELECT s.status, sec.slug AS "sectionSlug", u.name AS byline FROM "Story" s JOIN "Section" sec ON sec.id = s."sectionId" JOIN "StoryAuthor" a ON a."storyId" = s.id JOIN "User" u ON u.id = a."userId" WHERE s.id = $1`,
    [storyId],
  );
  expect(story).toEqual({ status: 'DRAFT', sectionSlug: 'business', byline: 'Riley Chen' });

  await page.goto('/newsroom/budget');
  await expect(row.getByRole('link', { name: 'Draft' })).toHaveAttribute('href', `/newsroom/stories/${storyId}`);
  await expect(row.getByRole('button', { name: /Start story/ })).toHaveCount(0);
  await query(`UPDATE "Story" SET status = 'IN_REVIEW' WHERE id = $1`, [storyId]);
  await page.reload();
  await expect(row.getByRole('link', { name: 'In review' })).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/budget-day.png', fullPage: true });
});
