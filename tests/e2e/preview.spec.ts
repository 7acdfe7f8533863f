import { expect, test } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { body, expectSaved, startStory } from './support/editor';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('reporter') });

test('a shared preview shows a draft exactly as the public page would, to someone without an account', async ({ page, browser }) => {
  await startStory(page, 'Draft for the lawyer to read', 'Every claim here has two sources.');
  await page.getByLabel('Dateline').fill('SEOUL');
  await body(page).click();
  await page.getByRole('button', { name: 'Share preview' }).click();
  const link = page.getByLabel(/Link for anyone, valid until/);
  await expect(link).toHaveValue(/\/preview\/[\w-]+\.[\w-]+$/);
  const url = await link.inputValue();
  // Making the link saved the story and refreshed the page: the link is listed and still shown.
  const listed = page.getByRole('region', { name: 'Shared preview links' });
  await expect(listed.getByRole('listitem')).toHaveCount(1);
  await expect(link).toHaveValue(url);

  const lawyer = await browser.newContext();
  const preview = await lawyer.newPage();
  await preview.goto(url);
  await expect(preview.getByRole('note')).toContainText('Preview — not the published page.');
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('Draft for the lawyer to read');
  await expect(preview.locator('.article-body p')).toHaveText(['SEOUL — Every claim here has two sources.']);
  await expect(preview.getByRole('article')).toContainText('Not published yet');
  await expect(preview.locator('meta[name="robots"]')).toHaveAttribute('content', /noindex/);
  await preview.screenshot({ path: 'tests/e2e/screenshots/preview.png', fullPage: true });

  const [payload, signature] = url.split('/preview/')[1]!.split('.');
  const tampered = `${url.split('/preview/')[0]}/preview/${payload}.${signature!.slice(0, -3)}abc`;
  await preview.goto(tampered);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('This preview link has expired, was revoked or is not valid');

  // The link shows the text it was made from: later edits stay in the newsroom.
  await body(page).press('End');
  await body(page).pressSequentially(' One source has since withdrawn.');
  await expectSaved(page);
  await preview.goto(url);
  await expect(preview.locator('.article-body p')).toHaveText(['SEOUL — Every claim here has two sources.']);

  // Listed on the story; Revoke stops it at once.
  await expect(listed.getByRole('listitem')).toHaveCount(1);
  await listed.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'tests/e2e/screenshots/preview-links.png' });
  await listed.getByRole('button', { name: 'Revoke' }).click();
  await expect(listed).toHaveCount(0);
  await preview.goto(url);
  await expect(preview.getByRole('heading', { level: 1 })).toHaveText('This preview link has expired, was revoked or is not valid');
  await lawyer.close();

  // The server's request log never holds the link's secret.
  const token = url.split('/preview/')[1]!;
  const serverLog = readFileSync('test-results/next-server.log', 'utf8');
  expect(serverLog).toContain('/preview/[redacted]');
  expect(serverLog).not.toContain(token.split('.')[1]!);
});
