import { expect, test, type Page } from '@playwright/test';
import { query } from './support/db';
import { SUMMIT_PARAGRAPHS, body, expectSaved, pasteText } from './support/editor';
import { storageStateFor } from './support/roles';

// The copy desk's style checks: live in the editor, and a gate on the server that a direct request
// cannot skip. The reference story is the summit piece, whose three quotations open with a
// closing mark.

test.use({ storageState: storageStateFor('reporter') });

const styleChecks = (page: Page) => page.getByRole('region', { name: 'Style checks' });

test('the summit story: Style checks lists the three errors, Submit is refused naming them, Fix clears them and Submit succeeds', async ({ page }) => {
  await page.goto('/newsroom/stories/new');
  await page.getByLabel('Headline').fill(`Yoon and Ishiba meet in Lima ${Date.now()}`);
  await pasteText(page, SUMMIT_PARAGRAPHS.join('\n'));
  await page.getByLabel('Section').selectOption({ label: 'World' });
  await expectSaved(page);

  const panel = styleChecks(page);
  const errors = panel.getByRole('listitem').filter({ hasText: /^Error/ });
  await expect(errors).toHaveCount(3);
  await expect(errors.nth(0)).toContainText('”At a time when close cooperation');
  await expect(errors.nth(1)).toContainText('”and I look forward');
  await expect(errors.nth(2)).toContainText('”I hope that between President Yoon');
  await expect(panel.getByRole('status')).toContainText('3 errors');
  // Highlighted in the text, too.
  await expect(body(page).locator('.style-error')).toHaveCount(3);
  await page.screenshot({ path: 'tests/e2e/screenshots/style-checks.png', fullPage: true });

  // Clicking a finding selects its text.
  await errors.nth(0).getByRole('button', { name: /At a time/ }).click();
  // The editor takes focus and selects asynchronously: wait for it (a busy machine is slower).
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('”');

  const workflow = page.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  const refusal = workflow.getByRole('alert');
  await expect(refusal).toContainText('Style checks found 3 errors');
  await expect(refusal).toContainText('”At a time when close cooperation');
  await expect(refusal).toContainText('”and I look forward');
  await expect(refusal).toContainText('”I hope that between');
  await expect(workflow).toContainText('draft');

  for (let left = 3; left > 0; left--) {
    await errors.first().getByRole('button', { name: 'Fix' }).click();
    await expect(errors).toHaveCount(left - 1);
  }
  await expect(body(page).locator('.style-error')).toHaveCount(0);
  await expectSaved(page);
  const id = page.url().split('/').pop()!;
  const [row] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(row!.plainText).toContain('“At a time when close cooperation');
  expect(row!.plainText).toContain('Ishiba said, “and I look forward');
  expect(row!.plainText).toContain('adding, “I hope that between');
  expect(row!.plainText).not.toMatch(/(^|\s)”/m);

  await workflow.getByRole('button', { name: 'Submit for review' }).click();
  await expect(workflow).toContainText('in review');
});

test('the refusal comes from the server: a story written straight into the database is refused too', async ({ page }) => {
  // A story with a wrong opening mark, written straight into the database, submitted through the
  // same server action the button calls.
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const id = `style-${Date.now()}`;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The minister said, ”we will not resign,” and left.' }] }] };
  await query(`INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "updatedAt") VALUES ($1, 'Gate test', $1, $2, '', 'DRAFT', $3, $4, now())`, [id, JSON.stringify(doc), world!.id, reporter!.id]);
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);
  await page.goto(`/newsroom/stories/${id}`);
  await page.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Submit for review' }).click();
  await expect(page.getByRole('region', { name: 'Workflow' }).getByRole('alert')).toContainText('This quotation opens with a closing mark');
  const [after] = await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [id]);
  expect(after!.status).toBe('DRAFT');
});

test.describe('settings', () => {
  test.describe.configure({ mode: 'serial' });
  test.afterAll(async () => {
    await query(`DELETE FROM "Setting" WHERE key IN ('copydesk.style', 'copydesk.checklist')`);
  });

  test('an admin makes doubled words an error and flags a term: the editor follows, and the change is audited', async ({ browser, page }) => {
    const admin = await (await browser.newContext({ storageState: storageStateFor('admin') })).newPage();
    await admin.goto('/newsroom/settings/style');
    await admin.getByLabel('The same word twice in a row').selectOption('error');
    const terms = admin.getByLabel('Flagged terms');
    await terms.fill(`${await terms.inputValue()}\nsynergy => cooperation`);
    await admin.getByRole('button', { name: 'Save style settings' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Style settings saved' })).toBeVisible();
    await admin.screenshot({ path: 'tests/e2e/screenshots/style-settings.png', fullPage: true });

    await page.goto('/newsroom/stories/new');
    await page.getByLabel('Headline').fill(`Settings test ${Date.now()}`);
    await pasteText(page, 'The the council praised the synergy of the plan.');
    const panel = styleChecks(page);
    await expect(panel.getByRole('listitem').filter({ hasText: /^Error/ })).toContainText('“The” twice in a row.');
    await expect(panel.getByRole('listitem').filter({ hasText: 'synergy' })).toContainText('The newsroom prefers “cooperation” to “synergy”.');
    const [audit] = await query<{ note: string }>(`SELECT note FROM "AuditEvent" WHERE action = 'settings.style' ORDER BY "createdAt" DESC LIMIT 1`);
    expect(audit!.note).toContain('rules');
    expect(audit!.note).toContain('terms');
  });

  test('the pre-publish checklist: a required item not done disables Publish and Schedule until it is done', async ({ browser }) => {
    const admin = await (await browser.newContext({ storageState: storageStateFor('admin') })).newPage();
    await admin.goto('/newsroom/settings/style');
    await admin.getByLabel('At least one tag required in Opinion').check();
    await admin.getByLabel('A dek required in Opinion').check();
    await admin.getByRole('button', { name: 'Save checklist' }).click();
    await expect(admin.getByRole('status').filter({ hasText: 'Checklist saved.' })).toBeVisible();

    const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
    const [opinion] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'opinion'`);
    const id = `check-${Date.now()}`;
    const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'An opinion, without a dek or tags.' }] }] };
    await query(`INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "updatedAt") VALUES ($1, 'Checklist test', $1, $2, '', 'APPROVED', $3, $4, now())`, [id, JSON.stringify(doc), opinion!.id, reporter!.id]);
    await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);

    const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
    await editor.goto(`/newsroom/stories/${id}`);
    const workflow = editor.getByRole('region', { name: 'Workflow' });
    const checklist = workflow.getByRole('group', { name: 'Pre-publish checklist' });
    await expect(checklist).toContainText('Publish and Schedule wait for: at least one tag, a dek.');
    await expect(checklist.getByRole('listitem').filter({ hasText: 'At least one tag' })).toContainText('required, not done');
    await expect(checklist.getByRole('listitem').filter({ hasText: 'A section' })).toContainText('done');
    await expect(workflow.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
    await expect(workflow.getByRole('button', { name: 'Schedule', exact: true })).toBeDisabled();
    await editor.screenshot({ path: 'tests/e2e/screenshots/publish-checklist.png', fullPage: true });

    // Filled in, the checklist is complete and Publish works.
    await editor.getByLabel('Dek', { exact: true }).fill('Why this matters.');
    await editor.getByLabel('Tags', { exact: true }).fill('Opinion pieces');
    await editor.getByLabel('Tags', { exact: true }).press('Enter');
    await expect(editor.getByRole('status').filter({ hasText: /^Saved / })).toBeVisible({ timeout: 15_000 });
    await editor.reload();
    await expect(checklist).toContainText('Pre-publish checklist complete.');
    await workflow.getByRole('button', { name: 'Publish', exact: true }).click();
    await expect.poll(async () => (await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [id]))[0]!.status).toBe('PUBLISHED');
  });
});
