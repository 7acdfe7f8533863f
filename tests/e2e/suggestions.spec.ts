import { randomUUID } from 'node:crypto';
import { expect, test, type Page } from '@playwright/test';
import { query } from './support/db';
import { body, expectSaved } from './support/editor';
import { storageStateFor } from './support/roles';

// Suggestion mode: an editor suggests a deletion and an insertion; Publish is refused while they
// are open; the reporter accepts one and rejects the other; the text is exactly as expected.

const TEXT = 'The council narrowly approved the budget on Tuesday.';

/** Selects text in the editor by its offset in the first paragraph (ProseMirror positions). */
async function select(page: Page, from: number, to: number) {
  await body(page).evaluate((el, [a, b]) => {
    const editor = (el as unknown as { editor: { commands: { setTextSelection: (r: { from: number; to: number }) => void; focus: () => void } } }).editor;
    editor.commands.focus();
    editor.commands.setTextSelection({ from: a!, to: b! });
  }, [from + 1, to + 1]);
}

test('an editor suggests a deletion and an insertion; Publish is refused; the reporter accepts one and rejects the other', async ({ browser }) => {
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const id = `sugg${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  const doc = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] };
  await query(`INSERT INTO "Story" (id, headline, dek, slug, body, "plainText", status, "sectionId", "createdById", "updatedAt") VALUES ($1, 'Council budget vote', 'A dek.', $1, $2, $3, 'APPROVED', $4, $5, now())`, [id, JSON.stringify(doc), TEXT, world!.id, reporter!.id]);
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);

  const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await editor.goto(`/newsroom/stories/${id}`);
  const panel = editor.getByRole('region', { name: 'Suggestions' });
  await panel.getByRole('button', { name: 'Suggest edits' }).click();
  await expect(panel.getByRole('button', { name: 'Suggest edits' })).toHaveAttribute('aria-pressed', 'true');

  await select(editor, TEXT.indexOf('narrowly '), TEXT.indexOf('narrowly ') + 'narrowly '.length);
  await editor.keyboard.press('Backspace');
  await select(editor, TEXT.length - 1, TEXT.length - 1);
  await editor.keyboard.type(' afternoon');
  // In colour in the text, listed in the panel, the text itself unchanged until someone decides.
  await expect(body(editor).locator('del')).toHaveText('narrowly ');
  await expect(body(editor).locator('ins')).toHaveText(' afternoon');
  await expect(panel.getByRole('listitem')).toHaveCount(2);
  await expect(panel.getByRole('listitem', { name: 'Delete “narrowly ”' })).toContainText('Eden Park');
  await expect(panel.getByRole('listitem', { name: 'Insert “ afternoon”' })).toBeVisible();
  await expectSaved(editor);
  await editor.screenshot({ path: 'tests/e2e/screenshots/suggestions.png', fullPage: true });

  // Saved with the story: a reload shows them again.
  await editor.reload();
  await expect(editor.getByRole('region', { name: 'Suggestions' }).getByRole('listitem')).toHaveCount(2);

  // Publish waits: the checklist names what is open, and the server refuses a direct request,
  // naming each suggestion.
  const workflow = editor.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await expect(workflow.getByRole('group', { name: 'Pre-publish checklist' })).toContainText('Publish and Schedule wait for: no open suggestions.');
  const throwaway = `sugx${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  await query(`INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "updatedAt") VALUES ($1, 'Capture', $1, $2, '', 'IN_REVIEW', $3, $4, now())`, [throwaway, JSON.stringify(doc), world!.id, reporter!.id]);
  const capture = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await capture.goto(`/newsroom/stories/${throwaway}`);
  const posted = capture.waitForRequest((r) => r.method() === 'POST' && !!r.headers()['next-action']);
  await capture.getByRole('region', { name: 'Workflow' }).getByRole('button', { name: 'Withdraw' }).click();
  const actionId = (await posted).headers()['next-action']!;
  const [{ version }] = (await query<{ version: number }>('SELECT version FROM "Story" WHERE id = $1', [id])) as [{ version: number }];
  const response = await editor.request.post(`/newsroom/stories/${id}`, {
    headers: { 'next-action': actionId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: new URL(editor.url()).origin },
    data: JSON.stringify([{ storyId: id, transition: 'publish', baseVersion: version, note: '', publishAt: '' }]),
  });
  expect(await response.text()).toContain('This story has 2 open suggestions: deletion of “narrowly ” by Eden Park; insertion of “ afternoon” by Eden Park');
  expect((await query<{ status: string }>('SELECT status FROM "Story" WHERE id = $1', [id]))[0]!.status).toBe('APPROVED');
  await workflow.getByLabel('Note for the reporter').fill('Two suggestions for you.');
  await workflow.getByRole('button', { name: 'Request changes' }).click();
  await expect(workflow).toContainText('changes requested');

  const page = await (await browser.newContext({ storageState: storageStateFor('reporter') })).newPage();
  await page.goto(`/newsroom/stories/${id}`);
  const mine = page.getByRole('region', { name: 'Suggestions' });
  await expect(mine.getByRole('button', { name: 'Suggest edits' })).toHaveCount(0);
  await mine.getByRole('listitem', { name: 'Delete “narrowly ”' }).getByRole('button', { name: 'Accept' }).click();
  await mine.getByRole('listitem', { name: 'Insert “ afternoon”' }).getByRole('button', { name: 'Reject' }).click();
  await expect(mine.getByRole('listitem')).toHaveCount(0);
  await expect(body(page).locator('p')).toHaveText('The council approved the budget on Tuesday.');
  await expectSaved(page);
  const [row] = await query<{ plainText: string; body: string }>('SELECT "plainText", body::text FROM "Story" WHERE id = $1', [id]);
  expect(row!.plainText).toBe('The council approved the budget on Tuesday.');
  expect(row!.body).not.toMatch(/insertion|deletion/);
});
