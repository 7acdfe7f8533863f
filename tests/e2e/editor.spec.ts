import { expect, test, type Page } from '@playwright/test';
import { query } from './support/db';
import { SUMMIT_PARAGRAPHS, body, caretAtEnd, editingAlone, expectSaved, paragraphs, pasteHtml, pasteText, saveStatus, startStory, withoutWritingTogether } from './support/editor';
import { storageStateFor } from './support/roles';

test.use({ storageState: storageStateFor('reporter') });

const HEADLINE = 'Yoon and Ishiba meet again in Lima as North Korean troops reach Russia';
const QUOTE_INDEX = 4; // “It is an important task … fruitful exchange of views.”

test('a pasted story, its details and a blockquote survive a reload exactly as typed', async ({ page }) => {
  await page.goto('/newsroom/stories/new');
  await page.getByLabel('Headline').fill(HEADLINE);
  await page.getByLabel('Dek').fill('The leaders said cooperation between Japan and South Korea is “more important than ever.”');
  await pasteText(page, SUMMIT_PARAGRAPHS.join('\n'));
  await expect(body(page).locator('p')).toHaveCount(SUMMIT_PARAGRAPHS.length);

  await page.getByLabel('Section').selectOption({ label: 'World' });
  const tags = page.getByLabel('Tags', { exact: true });
  for (const tag of ['North Korea', 'Japan', 'Diplomacy']) {
    await tags.fill(tag);
    await tags.press('Enter');
  }
  await tags.fill('north korea');
  await tags.press('Enter');
  await expect(page.getByRole('list', { name: 'Tags on this story' }).getByRole('listitem')).toHaveText(['North Korea×', 'Japan×', 'Diplomacy×']);

  await body(page).locator('p').nth(QUOTE_INDEX).click();
  await page.getByRole('button', { name: 'Quote' }).click();
  await expect(body(page).locator('blockquote')).toHaveCount(1);
  await expect(page.getByText(/\d[\d,]* words · \d+ min read/)).toBeVisible();
  await expectSaved(page);
  await page.screenshot({ path: 'tests/e2e/screenshots/editor.png', fullPage: true });

  await page.reload();
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
  await expect(page.getByLabel('Dek')).toHaveValue('The leaders said cooperation between Japan and South Korea is “more important than ever.”');
  await expect(page.getByLabel('Section')).toHaveValue(/.+/);
  expect(await page.getByLabel('Section').locator('option:checked').textContent()).toBe('World');
  await expect(page.getByRole('list', { name: 'Tags on this story' }).getByRole('listitem')).toHaveText(['Diplomacy×', 'Japan×', 'North Korea×']);
  // The body is there once the shared story is drawn: an assertion that waits for it.
  await expect(body(page).locator('p')).toHaveText(SUMMIT_PARAGRAPHS);
  await expect(body(page).locator('blockquote')).toHaveText(SUMMIT_PARAGRAPHS[QUOTE_INDEX]!);

  const [row] = await query<{ body: { content: { type: string }[] }; wordCount: number }>('SELECT body, "wordCount" FROM "Story" WHERE headline = $1', [HEADLINE]);
  expect(row!.body.content.map((n) => n.type)).toEqual(SUMMIT_PARAGRAPHS.map((_, i) => (i === QUOTE_INDEX ? 'blockquote' : 'paragraph')));
  expect(row!.wordCount).toBeGreaterThan(400);
});

test('typing gets curly quotes and dashes', async ({ page }) => {
  await startStory(page, 'Typography check', 'Start.');
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' He said "it\'s fine" -- then left...');
  await expect(body(page)).toContainText('He said “it’s fine” — then left…');
});

test('links are added, refused when unsafe, changed and removed without leaving the page', async ({ page }) => {
  await startStory(page, 'Link check', 'Read the full statement here.');
  const paragraph = body(page).locator('p').first();
  // Select "full statement" with the keyboard. Keys pressed in the moment the click moves focus
  // from the headline can leave the caret where the click put it: select again until it holds.
  await expect(async () => {
    await paragraph.click();
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Read the '.length; i++) await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 'full statement'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    expect(await page.evaluate(() => String(window.getSelection()))).toBe('full statement');
  }).toPass();
  await page.getByRole('button', { name: 'Link' }).click();
  const form = page.getByRole('group', { name: 'Link' });
  await form.getByLabel('Link address').fill('javascript:alert(1)');
  await form.getByRole('button', { name: 'Apply link' }).click();
  await expect(form.getByRole('alert')).toHaveText('Links must start with http://, https:// or mailto:.');
  await expect(form.getByLabel('Link address')).toHaveValue('javascript:alert(1)');
  await page.screenshot({ path: 'tests/e2e/screenshots/editor-link.png' });
  await form.getByLabel('Link address').fill('https://president.example/statement');
  await page.keyboard.press('Enter');
  await expect(form).toHaveCount(0);
  await expect(paragraph.getByRole('link', { name: 'full statement' })).toHaveAttribute('href', 'https://president.example/statement');
  await expectSaved(page);

  // Ctrl+K on the link offers to change or remove it; Escape leaves it as it was.
  await paragraph.getByRole('link', { name: 'full statement' }).click();
  await page.keyboard.press('Control+k');
  await expect(form.getByLabel('Link address')).toHaveValue('https://president.example/statement');
  await page.keyboard.press('Escape');
  await expect(form).toHaveCount(0);
  // Back in the text, on the link (focus returns asynchronously; put the caret there again).
  await paragraph.getByRole('link', { name: 'full statement' }).click();
  await page.keyboard.press('Control+k');
  await form.getByRole('button', { name: 'Remove link' }).click();
  await expect(paragraph.getByRole('link')).toHaveCount(0);
  await expect(paragraph).toHaveText('Read the full statement here.');
});

test('two tabs on one story write its body together: both texts, no conflict, nothing lost', async ({ context }) => {
  const first = await context.newPage();
  const id = await startStory(first, 'Harbour budget vote delayed', 'The council met on Tuesday.');
  // Opened again, the story is written together at once (the first page would join it after a pause in typing).
  await first.reload();
  const second = await context.newPage();
  await second.goto(`/newsroom/stories/${id}`);
  for (const page of [first, second]) await expect(body(page)).toHaveAttribute('contenteditable', 'true');

  await caretAtEnd(body(first).locator('p').last());
  await first.keyboard.type(' Alpha words from the first tab.');
  await expect(body(second)).toContainText('Alpha words from the first tab.');
  await caretAtEnd(body(second).locator('p').last());
  await second.keyboard.type(' Beta words from the second tab.');
  const both = 'The council met on Tuesday. Alpha words from the first tab. Beta words from the second tab.';
  for (const page of [first, second]) {
    await expect.poll(() => paragraphs(page)).toEqual([both]);
    await expectSaved(page);
  }
  await expect.poll(async () => (await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]))[0]!.plainText).toBe(both);
  await expect(first.getByRole('alertdialog')).toHaveCount(0);
  await expect(second.getByRole('alertdialog')).toHaveCount(0);
});

test('a new story joins its shared document after its first save, without a reload: another person’s words reach its first page live, and nothing is asked', async ({ page, browser }) => {
  const id = await startStory(page, 'Harbour pilots strike', 'Pilots walked out at dawn.');
  await caretAtEnd(body(page).locator('p').last());
  await page.keyboard.type(' Ships wait offshore.');
  await expectSaved(page);
  const other = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await other.goto(`/newsroom/stories/${id}`);
  await expect(body(other)).toHaveAttribute('contenteditable', 'true');
  // The first page has joined once it lists the editor from the story's connection (a coloured dot).
  await expect(page.locator('.presence .presence-dot')).toHaveCount(1, { timeout: 15_000 });
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${id}$`));
  await caretAtEnd(body(other).locator('p').last());
  await other.keyboard.type(' The port authority is talking to the union.');
  await expect(body(page)).toContainText('The port authority is talking to the union.');
  await caretAtEnd(body(page).locator('p').last());
  await page.keyboard.type(' Talks resume at noon.');
  const all = 'Pilots walked out at dawn. Ships wait offshore. The port authority is talking to the union. Talks resume at noon.';
  for (const each of [page, other]) await expect.poll(() => paragraphs(each)).toEqual([all]);
  await expect.poll(async () => (await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]))[0]!.plainText).toBe(all);
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(saveStatus(page)).not.toHaveText(/someone else saved/);
});

test('without writing together, two tabs on one story: the second save shows both versions and no text is lost', async ({ context }) => {
  await withoutWritingTogether(context);
  const first = await context.newPage();
  const id = await startStory(first, 'Harbour budget vote delayed', 'The council met on Tuesday.');
  const second = await context.newPage();
  await second.goto(`/newsroom/stories/${id}`);
  await editingAlone(second);
  await expect(body(second)).toContainText('The council met on Tuesday.');

  await body(first).locator('p').last().click();
  await first.keyboard.press('End');
  await first.keyboard.type(' Alpha words from the first tab.');
  await expectSaved(first);

  await body(second).locator('p').last().click();
  await second.keyboard.press('End');
  await second.keyboard.type(' Beta words from the second tab.');
  const conflict = second.getByRole('alertdialog', { name: 'Someone else saved this story while you were editing' });
  await expect(conflict).toBeVisible({ timeout: 15_000 });
  await expect(conflict.getByRole('region', { name: 'Your version' })).toContainText('Beta words from the second tab.');
  await expect(conflict.getByRole('region', { name: /Their version/ })).toContainText('Alpha words from the first tab.');
  await expect(saveStatus(second)).toHaveText('Not saved: someone else saved this story');
  await second.screenshot({ path: 'tests/e2e/screenshots/editor-conflict.png', fullPage: true });

  await conflict.getByRole('button', { name: 'Copy mine aside' }).click();
  await expect(conflict).toBeHidden();
  await expect(body(second)).toContainText('Alpha words from the first tab.');

  const [story] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(story!.plainText).toContain('Alpha words from the first tab.');
  const revisions = await query<{ snapshot: { body: unknown }; label: string }>('SELECT snapshot, label FROM "Revision" WHERE "storyId" = $1', [id]);
  const texts = revisions.map((r) => JSON.stringify(r.snapshot.body));
  expect(texts.some((t) => t.includes('Beta words from the second tab.'))).toBe(true);
  expect(texts.some((t) => t.includes('Alpha words from the first tab.'))).toBe(true);
});

test('without writing together, offline: edits are kept on the device and reach the server when it comes back', async ({ page, context }) => {
  await withoutWritingTogether(context);
  const id = await startStory(page, 'Ferry timetable changes', 'Ferries will run less often.');
  await context.setOffline(true);
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Written while offline.');
  await expect(saveStatus(page)).toHaveText('Offline — changes kept on this device');
  await page.screenshot({ path: 'tests/e2e/screenshots/editor-offline.png' });
  await context.setOffline(false);
  await expectSaved(page);
  const [story] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(story!.plainText).toBe('Ferries will run less often. Written while offline.');
});

/**
 * Starts a story, types more while the server takes no saves (reading pages still works), and
 * reloads: the browser asks before leaving a page with unsaved edits. Saves stay refused.
 */
async function typeUnsavedThenReload(page: Page, options: { refuseSocketOnce?: boolean } = {}): Promise<string> {
  // Refused on this load only: the page saves alone, and the reload writes together.
  let refuse = options.refuseSocketOnce === true;
  if (refuse) await page.routeWebSocket(/\/api\/collab/, (ws) => (refuse ? ws.close() : ws.connectToServer()));
  const id = await startStory(page, 'Library opening hours', 'The library opens at nine.', { alone: refuse });
  await page.route(`**/api/desk/stories/${id}`, (route) => (route.request().method() === 'PUT' ? route.abort('internetdisconnected') : route.continue()));
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.type(' Typed before the reload.');
  await expect(saveStatus(page)).toHaveText('Offline — changes kept on this device');
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type());
    void dialog.accept();
  });
  refuse = false;
  await page.reload();
  expect(dialogs).toEqual(['beforeunload']);
  return id;
}

test('unsaved work comes back after a reload and joins the story written together', async ({ page }) => {
  const id = await typeUnsavedThenReload(page, { refuseSocketOnce: true });
  // Opened again, the story is written together: the kept text becomes this person's edit of the
  // shared document, stored through it, and the device copy goes once the metadata is saved too.
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  await expect.poll(() => paragraphs(page)).toEqual(['The library opens at nine. Typed before the reload.']);
  await expect.poll(async () => (await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]))[0]!.plainText).toBe('The library opens at nine. Typed before the reload.');
  await page.unroute(`**/api/desk/stories/${id}`);
  await expectSaved(page);
  await expect.poll(() => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('masthead:unsaved:')).length)).toBe(0);
  await page.reload();
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  expect(await paragraphs(page)).toEqual(['The library opens at nine. Typed before the reload.']);
});

test('without writing together, unsaved work comes back after a reload', async ({ page, context }) => {
  await withoutWritingTogether(context);
  const id = await typeUnsavedThenReload(page);
  await editingAlone(page);
  await expect(body(page)).toContainText('The library opens at nine. Typed before the reload.');
  await expect(saveStatus(page)).toHaveText('Offline — changes kept on this device');
  let [story] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(story!.plainText).toBe('The library opens at nine.');

  await page.unroute(`**/api/desk/stories/${id}`);
  await expectSaved(page);
  [story] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(story!.plainText).toBe('The library opens at nine. Typed before the reload.');
});

test('history compares the first draft with the final version, and a restore can be undone', async ({ page }) => {
  const firstDraft = ['President Yoon held a summit with Prime Minister Ishiba in Lima.', ...SUMMIT_PARAGRAPHS.slice(1)];
  const id = await startStory(page, 'Summit in Lima (draft)', firstDraft.join('\n'));
  await page.getByLabel('Headline').fill(HEADLINE);
  await pasteText(page, SUMMIT_PARAGRAPHS.join('\n'), { replaceAll: true });
  await page.getByLabel('Checkpoint name').fill('Final version');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expectSaved(page);
  // Opened again, the story is written together (its shared document is made).
  await page.reload();
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');

  await page.getByRole('link', { name: 'History' }).click();
  const differences = page.getByRole('region', { name: 'Differences' });
  const headlineChanges = differences.getByRole('region', { name: 'Changes to Headline' });
  await expect(headlineChanges.locator('del').first()).toBeVisible();
  expect((await headlineChanges.locator('del').allTextContents()).join(' ')).toMatch(/Summit.*\(draft\)/);
  expect((await headlineChanges.locator('ins').allTextContents()).join(' ')).toMatch(/Yoon and Ishiba meet again.*North Korean troops reach Russia/);
  await expect(headlineChanges).toHaveText(/Summit.*Yoon and Ishiba meet again in Lima.*\(draft\).*Russia/);
  await expect(differences.getByRole('region', { name: 'Changes to Body' }).locator('ins').first()).toBeVisible();
  await expect(differences.getByRole('region', { name: 'Changes to Body' }).locator('del').first()).toBeVisible();
  await expect(page.getByText('Final version')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/history.png', fullPage: true });

  // Restore the first draft…
  await page.getByRole('row').filter({ hasText: 'Created' }).getByRole('button', { name: 'Restore this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${id}$`));
  await expect(page.getByLabel('Headline')).toHaveValue('Summit in Lima (draft)');
  await expect(body(page).locator('p').first()).toHaveText(firstDraft[0]!);

  // …undo it in the editor, as one change (for everyone in the story)…
  const restored = page.getByRole('status').filter({ hasText: /restored the version of/ });
  await expect(restored).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/editor-restored.png' });
  await restored.getByRole('button', { name: 'Undo the restore' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
  await expect(body(page).locator('p')).toHaveText(SUMMIT_PARAGRAPHS);
  await expect(page.getByRole('status').filter({ hasText: 'undid the restore.' })).toBeVisible();
  await expect(restored).toHaveCount(0);
  await expectSaved(page);
  await expect.poll(async () => (await query<{ headline: string }>('SELECT headline FROM "Story" WHERE id = $1', [id]))[0]!.headline).toBe(HEADLINE);

  // …and once more the way that works whenever: restore the first draft, then the final version.
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('row').filter({ hasText: 'Created' }).getByRole('button', { name: 'Restore this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${id}$`));
  await expect(page.getByLabel('Headline')).toHaveValue('Summit in Lima (draft)');
  await page.getByRole('link', { name: 'History' }).click();
  await page.getByRole('row').filter({ hasText: 'Final version' }).getByRole('button', { name: 'Restore this version' }).click();
  await expect(page).toHaveURL(new RegExp(`/newsroom/stories/${id}$`));
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
  await expect(body(page).locator('p')).toHaveText(SUMMIT_PARAGRAPHS);
  const kinds = (await query<{ kind: string }>('SELECT kind FROM "Revision" WHERE "storyId" = $1 ORDER BY "createdAt"', [id])).map((k) => k.kind);
  expect(kinds.filter((k) => k !== 'AUTOSAVE')).toEqual(['MANUAL', 'MANUAL', 'RESTORE', 'RESTORE', 'RESTORE']);
  // The undo was stored by the shared document, as an automatic revision.
  expect(kinds).toContain('AUTOSAVE');
});

test('a reporter cannot save over a story that is not theirs, even by a direct request', async ({ page, request }) => {
  const [story] = await query<{ id: string; version: number }>(`SELECT id, version FROM "Story" WHERE slug = 'port-strike-second-week'`);
  await page.goto(`/newsroom/stories/${story!.id}`);
  await expect(page.getByText('You can read this story, but not edit it in its current state.')).toBeVisible();
  await expect(body(page)).toHaveAttribute('contenteditable', 'false');
  const response = await request.put(`/api/desk/stories/${story!.id}`, {
    headers: { origin: new URL(page.url()).origin },
    data: { headline: 'Hijacked', bylineIds: ['x'], body: { type: 'doc', content: [] }, baseVersion: story!.version, kind: 'manual' },
  });
  expect(response.status()).toBe(403);
  expect(await response.json()).toEqual({ error: 'You do not have permission to do that.' });
});

test('bad requests to the save endpoint get a clear error and change nothing', async ({ page, request }) => {
  const id = await startStory(page, 'Validation target', 'Original text.');
  const origin = new URL(page.url()).origin;
  const put = (data: string, headers: Record<string, string> = {}) =>
    request.put(`/api/desk/stories/${id}`, { headers: { origin, 'content-type': 'application/json', ...headers }, data: Buffer.from(data) });
  const valid = { headline: 'Validation target', bylineIds: ['someone'], body: { type: 'doc', content: [] }, baseVersion: 1, kind: 'autosave' };

  const cases: [string, Record<string, string>, number, RegExp][] = [
    ['{"headline": ', {}, 400, /not valid JSON/],
    [JSON.stringify({ ...valid, bylineIds: 'me' }), {}, 422, /Bylines must be a list/],
    [JSON.stringify({ ...valid, surprise: true }), {}, 422, /Unknown field: surprise/],
    [JSON.stringify({ ...valid, baseVersion: 'one' }), {}, 422, /baseVersion/],
    [JSON.stringify(valid), { 'content-type': 'text/plain' }, 415, /application\/json/],
    [JSON.stringify({ ...valid, dek: 'x'.repeat(1_100_000) }), {}, 413, /too large/],
    [JSON.stringify(valid), { origin: 'https://evil.example' }, 403, /Cross-site/],
  ];
  for (const [data, headers, status, message] of cases) {
    const response = await put(data, headers);
    expect(response.status(), data.slice(0, 40)).toBe(status);
    expect((await response.json()).error).toMatch(message);
  }
  const [row] = await query<{ version: number; plainText: string }>('SELECT version, "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(row).toEqual({ version: 1, plainText: 'Original text.' });
});

test('pasting from a word processor keeps the structure the story allows and drops the rest', async ({ page }) => {
  await startStory(page, 'Pasted from Google Docs', 'Intro.');
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><h1 style="color:red">Big title</h1>
    <p dir="ltr" style="line-height:1.38"><span style="font-weight:700">Bold words</span><span> and </span><span style="font-style:italic">italic words</span>
    <a href="https://example.com/report">a link</a> <a href="javascript:alert(1)">a bad link</a></p>
    <table><tr><td>cell text</td></tr></table><script>window.__pasted = true</script><img src="https://evil.example/x.png" onerror="window.__pasted = true">
    <ul><li><p>first point</p></li><li><p>second point</p></li></ul><blockquote><p>A quotation.</p></blockquote></b>`;
  await pasteHtml(page, html, 'Big title Bold words and italic words');
  await expectSaved(page);
  await expect(body(page).locator('strong')).toHaveText('Bold words');
  await expect(body(page).locator('em')).toHaveText('italic words');
  await expect(body(page).locator('a[href="https://example.com/report"]')).toHaveText('a link');
  await expect(body(page).locator('a')).toHaveCount(1);
  await expect(body(page).locator('li')).toHaveText(['first point', 'second point']);
  await expect(body(page).locator('blockquote')).toHaveText('A quotation.');
  await expect(body(page).locator('table, script, img, h1')).toHaveCount(0);
  // Text inside structures the story does not allow (a table, a top-level heading) is kept as text.
  await expect(body(page)).toContainText('cell text');
  await expect(body(page)).toContainText('Big title');
  expect(await page.evaluate(() => (window as unknown as { __pasted?: boolean }).__pasted)).toBeUndefined();
});

test('Ctrl+S saves a named checkpoint', async ({ page }) => {
  const id = await startStory(page, 'Checkpoint story', 'Before legal.');
  await page.getByLabel('Checkpoint name').fill('Before legal read');
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+S');
  await expectSaved(page);
  await expect.poll(async () => (await query<{ label: string }>('SELECT label FROM "Revision" WHERE "storyId" = $1 AND kind = \'MANUAL\' ORDER BY "createdAt" DESC LIMIT 1', [id]))[0]?.label).toBe('Before legal read');
});

test('the desk filters and searches stories', async ({ page }) => {
  await startStory(page, 'Lighthouse keepers walk out', 'The keepers say their pensions were cut.');
  await page.goto('/newsroom');
  await page.getByRole('searchbox', { name: 'Search' }).fill('pensions');
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('rowheader')).toHaveText(['Lighthouse keepers walk out']);
  // Other tests submit stories too (the desk's first page is the newest 50): each check searches.
  await page.goto('/newsroom?status=IN_REVIEW&q=Port+strike');
  await expect(page.getByRole('rowheader', { name: 'Port strike enters second week as talks stall' })).toBeVisible();
  expect(new Set(await page.locator('tbody .status').allTextContents())).toEqual(new Set(['In review']));
  await page.goto('/newsroom?status=IN_REVIEW&q=pensions');
  await expect(page.getByText('No stories match these filters.')).toBeVisible();
  await page.goto('/newsroom?status=DRAFT&q=pensions');
  await expect(page.getByRole('rowheader')).toHaveText(['Lighthouse keepers walk out']);
  await page.getByRole('link', { name: 'Clear' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  await expect(page.getByLabel('Status')).toHaveValue('');
  await page.getByLabel('Mine').check();
  await page.getByRole('button', { name: 'Filter' }).click();
  await expect(page).toHaveURL(/mine=1/);
  await expect(page.getByRole('rowheader').first()).toBeVisible();
  const mine = await page.getByRole('rowheader').allTextContents();
  expect(mine).toContain('Lighthouse keepers walk out');
  expect(mine).not.toContain('Port strike enters second week as talks stall');
  await page.screenshot({ path: 'tests/e2e/screenshots/desk-filtered.png', fullPage: true });
});

test('the editor shows who else has the story open', async ({ page, browser }) => {
  const id = await startStory(page, 'Presence check', 'Two people, one story.');
  const editor = await browser.newContext({ storageState: storageStateFor('editor') });
  const theirs = await editor.newPage();
  await theirs.goto(`/newsroom/stories/${id}`);
  await expect(theirs.getByText('Also open by Riley Chen')).toBeVisible();
  await page.reload();
  await expect(page.getByText('Also open by Eden Park')).toBeVisible();
  await editor.close();
});

test('find and replace: counts, steps through and replaces matches in the body; Replace all is one undo step', async ({ page }) => {
  const id = await startStory(page, `Summit follow-up ${Date.now()}`, [
    'President Yoon Suk-yol met Prime Minister Ishiba in Lima.',
    'Yoon Suk-yol said the talks were useful; the party of Yoon Suk-yol agreed.',
    'Officials close to yoon suk-yol declined to comment on the art of the deal.',
  ].join('\n'));
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+h');
  const panel = page.getByRole('region', { name: 'Find and replace' });
  await expect(panel.getByLabel('Find')).toBeFocused();
  await panel.getByLabel('Find').fill('Suk-yol');
  await expect(panel.getByRole('status')).toHaveText('Match 1 of 4 in the story body.');
  await expect(body(page).locator('.find-match')).toHaveCount(4);
  await panel.getByLabel('Match case').check();
  await expect(panel.getByRole('status')).toHaveText('Match 1 of 3 in the story body.');
  await panel.getByRole('button', { name: 'Next' }).click();
  await expect(body(page).locator('.find-match-current')).toHaveText('Suk-yol');
  await panel.getByRole('button', { name: 'Previous' }).click();
  await expect(panel.getByRole('status')).toHaveText('Match 1 of 3 in the story body.');

  // Replace one, then all the rest in one step.
  await panel.getByLabel('Replace with').fill('Suk Yeol');
  await panel.getByRole('button', { name: 'Replace', exact: true }).click();
  await expect(panel.getByRole('status')).toHaveText('Match 1 of 2 in the story body.');
  await panel.getByRole('button', { name: 'Replace all' }).click();
  await expect(panel.getByRole('status')).toHaveText('No matches in the story body.');
  await expect(body(page).locator('p')).toHaveText([
    'President Yoon Suk Yeol met Prime Minister Ishiba in Lima.',
    'Yoon Suk Yeol said the talks were useful; the party of Yoon Suk Yeol agreed.',
    'Officials close to yoon suk-yol declined to comment on the art of the deal.',
  ]);
  // Whole word: "art" is found once, not inside "party".
  await panel.getByLabel('Match case').uncheck();
  await panel.getByLabel('Find').fill('art');
  await expect(panel.getByRole('status')).toHaveText(/of 2 in the story body/);
  await panel.getByLabel('Whole word').check();
  await expect(panel.getByRole('status')).toHaveText('Match 1 of 1 in the story body.');
  await page.screenshot({ path: 'tests/e2e/screenshots/find-replace.png' });
  await panel.getByLabel('Find').press('Escape');
  await expect(panel).toHaveCount(0);
  await expect(body(page).locator('.find-match')).toHaveCount(0);

  // One undo brings back the two that Replace all changed, not the one replaced before it.
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+z');
  await expect(body(page).locator('p').nth(1)).toHaveText('Yoon Suk-yol said the talks were useful; the party of Yoon Suk-yol agreed.');
  await expect(body(page).locator('p').first()).toHaveText('President Yoon Suk Yeol met Prime Minister Ishiba in Lima.');
  await expectSaved(page);
  const [row] = await query<{ plainText: string }>('SELECT "plainText" FROM "Story" WHERE id = $1', [id]);
  expect(row!.plainText).toContain('President Yoon Suk Yeol met');

  // Ctrl/⌘+F in the body opens it too, with the selection as the query.
  await body(page).locator('p').first().dblclick({ position: { x: 8, y: 8 } });
  await page.keyboard.press('ControlOrMeta+f');
  await expect(panel.getByLabel('Find')).toHaveValue('President');
});

test('the toolbar: icons with names, shortcuts in tooltips, pressed state for marks, and a keyboard shortcuts dialog', async ({ page }) => {
  await startStory(page, `Toolbar check ${Date.now()}`, 'A short paragraph to format.');
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await expect(toolbar.getByRole('group')).toHaveCount(5);
  const bold = toolbar.getByRole('button', { name: 'Bold' });
  await expect(bold).toHaveAttribute('aria-keyshortcuts', /Control\+B/);
  await expect(bold).toHaveAttribute('data-tip', /^Bold · (Ctrl\+|⌘)B$/);
  await expect(bold.locator('svg')).toHaveCount(1);
  await expect(bold).toHaveAttribute('aria-pressed', 'false');
  await body(page).locator('p').first().dblclick({ position: { x: 4, y: 8 } });
  await bold.click();
  await expect(bold).toHaveAttribute('aria-pressed', 'true');
  await expect(body(page).locator('strong')).toHaveText('A');
  await bold.focus();
  await page.screenshot({ path: 'tests/e2e/screenshots/toolbar.png', clip: { x: 0, y: 0, width: 1280, height: 420 } });

  await body(page).click();
  await page.keyboard.press('ControlOrMeta+/');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('rowheader', { name: 'Find and replace' })).toBeVisible();
  await expect(dialog.getByRole('row', { name: /Bold/ })).toContainText('B');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await toolbar.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

// What each source really puts on the clipboard, reduced to the story's structure.
async function pasteInto(page: import('@playwright/test').Page, headline: string, html: string, text: string) {
  await startStory(page, headline, 'Intro.');
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await pasteHtml(page, html, text);
  await expectSaved(page);
}
/** The body as a list of "tag: text" lines, nested lists indented, for asserting structure. */
async function structure(page: import('@playwright/test').Page): Promise<string[]> {
  return body(page).evaluate((root) => {
    const out: string[] = [];
    const walk = (el: Element, depth: number) => {
      for (const child of Array.from(el.children)) {
        if (['UL', 'OL'].includes(child.tagName)) {
          out.push(`${'  '.repeat(depth)}${child.tagName.toLowerCase()}`);
          walk(child, depth + 1);
        } else if (child.tagName === 'LI') walk(child, depth);
        else if (child.tagName === 'BLOCKQUOTE') walk(child, depth);
        else out.push(`${'  '.repeat(depth)}${child.tagName.toLowerCase()}: ${child.textContent}`);
      }
    };
    walk(root, 0);
    // The paragraph the caret was in when pasting stays after a pasted list, for typing on.
    if (out.at(-1) === 'p: ') out.pop();
    return out;
  });
}

test('paste from Word: lists rebuilt from mso-list paragraphs, headings, bold and italic; Office markup, empty paragraphs and images gone', async ({ page }) => {
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word"><head><meta name=Generator content="Microsoft Word 15"><style><!-- p.MsoNormal {margin:0cm;} --></style></head><body lang=EN-GB>
<!--StartFragment--><h1 style='mso-style-link:"Heading 1 Char"'><span lang=EN-GB>Council budget<o:p></o:p></span></h1>
<p class=MsoNormal><b><span style='font-family:Calibri'>Councillors</span></b><span> voted on <i>Tuesday</i> night.<o:p></o:p></span></p>
<p class=MsoNormal><o:p>&nbsp;</o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp; </span></span><![endif]><span>Bus fares rise<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpMiddle style='margin-left:72.0pt;text-indent:-18.0pt;mso-list:l0 level2 lfo1'><![if !supportLists]><span style='font-family:"Courier New";mso-list:Ignore'>o<span>&nbsp;&nbsp;</span></span><![endif]><span>from April<o:p></o:p></span></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18.0pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='font-family:Symbol;mso-list:Ignore'>·<span>&nbsp;&nbsp; </span></span><![endif]><span>Libraries stay open<o:p></o:p></span></p>
<p class=MsoNormal><span><img width=200 height=100 src="file:///C:/Users/x/clip_image001.png"></span>Figures from the treasurer.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>1.<span>&nbsp;&nbsp;</span></span><![endif]>First vote<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='mso-list:l1 level1 lfo2'><![if !supportLists]><span style='mso-list:Ignore'>2.<span>&nbsp;&nbsp;</span></span><![endif]>Second vote<o:p></o:p></p>
<!--EndFragment--></body></html>`;
  await pasteInto(page, `Pasted from Word ${Date.now()}`, html, 'Council budget');
  expect(await structure(page)).toEqual([
    'p: Intro.',
    'h2: Council budget',
    'p: Councillors voted on Tuesday night.',
    'ul',
    '  p: Bus fares rise',
    '  ul',
    '    p: from April',
    '  p: Libraries stay open',
    'p: Figures from the treasurer.',
    'ol',
    '  p: First vote',
    '  p: Second vote',
  ]);
  await expect(body(page).locator('strong')).toHaveText('Councillors');
  await expect(body(page).locator('em')).toHaveText('Tuesday');
  await expect(page.getByRole('status').filter({ hasText: 'An image was left out of what you pasted' })).toBeVisible();
  await expect(body(page).locator('[style], [class*="Mso"], img')).toHaveCount(0);
});

test('paste from Google Docs: headings, nested lists, links, bold and italic by inline style', async ({ page }) => {
  const html = `<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-5b1c2d3e-7fff-a1b2-c3d4-1234567890ab"><h2 dir="ltr" style="line-height:1.38;margin-top:18pt;margin-bottom:6pt;"><span style="font-size:16pt;font-family:Arial;font-weight:400;">What the summit agreed</span></h2>
<p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;"><span style="font-size:11pt;font-family:Arial;font-weight:700;">Seoul and Tokyo</span><span style="font-size:11pt;font-family:Arial;font-weight:400;"> will meet </span><span style="font-size:11pt;font-family:Arial;font-style:italic;font-weight:400;">every quarter</span><span style="font-size:11pt;font-family:Arial;font-weight:400;">, the </span><a href="https://example.com/statement" style="text-decoration:none;"><span style="font-size:11pt;font-family:Arial;color:#1155cc;text-decoration:underline;">joint statement</span></a><span style="font-size:11pt;font-family:Arial;font-weight:400;"> says.</span></p>
<br><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial;font-weight:400;">Security talks</span></p></li><ul style="margin-top:0;margin-bottom:0;padding-inline-start:48px;"><li dir="ltr" style="list-style-type:circle;font-size:11pt;font-family:Arial;" aria-level="2"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial;font-weight:400;">North Korean troops</span></p></li></ul><li dir="ltr" style="list-style-type:disc;font-size:11pt;font-family:Arial;" aria-level="1"><p dir="ltr" style="line-height:1.38;margin-top:0pt;margin-bottom:0pt;" role="presentation"><span style="font-size:11pt;font-family:Arial;font-weight:400;">Trade</span></p></li></ul><h3 dir="ltr"><span style="font-size:13pt;font-family:Arial;font-weight:400;">Reaction</span></h3><p dir="ltr"><span style="font-size:11pt;font-family:Arial;font-weight:400;">Opposition parties were cautious.</span></p></b><br class="Apple-interchange-newline">`;
  await pasteInto(page, `Pasted from Google Docs ${Date.now()}`, html, 'What the summit agreed');
  const lines = await structure(page);
  expect(lines[0]).toBe('p: Intro.');
  expect(lines).toContain('h2: What the summit agreed');
  expect(lines).toContain('p: Seoul and Tokyo will meet every quarter, the joint statement says.');
  expect(lines).toContain('h3: Reaction');
  expect(lines).toContain('p: Opposition parties were cautious.');
  expect(lines.filter((l) => l.trim() === 'ul').length).toBeGreaterThanOrEqual(1);
  expect(lines.some((l) => /^\s+p: North Korean troops$/.test(l))).toBe(true);
  expect(lines.filter((l) => /^\s*p: $/.test(l))).toEqual([]); // no empty paragraphs
  await expect(body(page).locator('strong')).toHaveText('Seoul and Tokyo');
  await expect(body(page).locator('em')).toHaveText('every quarter');
  await expect(body(page).locator('a[href="https://example.com/statement"]')).toHaveText('joint statement');
  await expect(body(page).locator('br')).toHaveCount(0);
});

test('paste from a web page: layout divs, a table flattened to paragraphs, line breaks and inline styles tidied', async ({ page }) => {
  const html = `<div class="article-body" style="font-family:Georgia"><div class="lede" style="color:#333">Ferries will run every <strong>forty minutes</strong>.<br><br>The port said so on Monday.<br></div>
<div><h4 class="subhead">Timetable</h4><table class="timetable"><thead><tr><th>Route</th><th>From</th></tr></thead><tbody><tr><td>Harbour – Island</td><td><p>1 December</p></td></tr></tbody></table></div>
<figure><img src="https://news.example/ferry.jpg" alt="A ferry"><figcaption>The new ferry.</figcaption></figure>
<p style="margin:0">&nbsp;</p><p><span style="font-style:italic">Reporting by</span> <a href="https://news.example/staff/ana" class="byline" target="_blank">Ana Costa</a></p></div>`;
  await pasteInto(page, `Pasted from the web ${Date.now()}`, html, 'Ferries will run every forty minutes.');
  expect(await structure(page)).toEqual([
    'p: Intro.',
    'p: Ferries will run every forty minutes.',
    'p: The port said so on Monday.',
    'h3: Timetable',
    'p: Route',
    'p: From',
    'p: Harbour – Island',
    'p: 1 December',
    'p: The new ferry.',
    'p: Reporting by Ana Costa',
  ]);
  await expect(body(page).locator('strong')).toHaveText('forty minutes');
  await expect(body(page).locator('em')).toHaveText('Reporting by');
  await expect(body(page).locator('a[href="https://news.example/staff/ana"]')).toHaveText('Ana Costa');
  await expect(body(page).locator('table, img, figure, div, [style], [class]:not(.comment-anchor):not(.find-match):not(.style-finding)')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'An image was left out' })).toBeVisible();
});

test('plain-text paste: a paragraph per line, none for blank lines, curly quotes exactly as pasted', async ({ page }) => {
  const text = '“At a time when close cooperation is needed,” Yoon said.\n\n\nIshiba said, ”and I look forward to it.”\n  \nThe end.';
  await startStory(page, `Plain paste ${Date.now()}`, 'Intro.');
  await body(page).locator('p').last().click();
  await page.keyboard.press('End');
  await page.keyboard.press('Enter');
  await pasteText(page, text);
  await expectSaved(page);
  expect(await structure(page)).toEqual(['p: Intro.', 'p: “At a time when close cooperation is needed,” Yoon said.', 'p: Ishiba said, ”and I look forward to it.”', 'p: The end.']);
});
