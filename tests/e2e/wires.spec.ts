import { readFileSync } from 'node:fs';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { query } from './support/db';
import { body } from './support/editor';
import { storageStateFor } from './support/roles';

// Agency copy from push to story: an admin adds a source (the token is shown once), an item
// pushed over HTTP appears on the Wires desk without a reload, "Use in a story" makes a draft
// with the agency's credit and dateline, a newer version offers "Wire update available", and
// a kill takes Publish off the story until an editor clears it.

test.use({ storageState: storageStateFor('admin') });

const NITF = readFileSync('tests/fixtures/wire/newsml-text-nitf.xml', 'utf8');

/** The fixture as version `version` of its own item, with its embargo lifted and its text changed as asked. */
function item(guid: string, version: number, change: (xml: string) => string = (x) => x) {
  return change(NITF.replace('urn:newsml:harbourwire.test:20261205:port-strike', guid).replace('version="2"', `version="${version}"`).replace('2026-12-05T06:40:00Z', `2026-12-05T0${version}:50:00Z`).replace(/<embargoed>.*<\/embargoed>/, '').replace('https://photos.harbourwire.test/callao-queue.jpg', 'https://10.0.0.9/no.jpg'));
}

async function push(request: APIRequestContext, slug: string, token: string, xml: string) {
  const response = await request.post(`/api/wire/${slug}`, { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml' }, data: xml });
  expect(response.status()).toBe(202);
  return ((await response.json()) as { items: { id: string; outcome: string }[] }).items[0]!;
}

test('an item pushed by HTTP appears on the Wires desk without a reload, becomes a draft, offers its update, and its kill blocks Publish', async ({ page, request }) => {
  test.setTimeout(120_000);
  const name = `Harbour Wire ${Date.now()}`;
  await page.goto('/newsroom/settings/wires');
  const add = page.getByRole('form', { name: 'Add a wire source' });
  await add.getByLabel('Source name').fill(name);
  await add.getByRole('button', { name: 'Add source' }).click();
  const shown = page.getByRole('region', { name: 'Push token' });
  await expect(shown).toContainText('It is shown only now');
  const token = await shown.getByLabel('Token').inputValue();
  expect(token).toMatch(/^mw_/);
  const slug = /Push token for “([^”]+)”/.exec((await shown.textContent()) ?? '')![1]!;
  await expect(page.getByRole('listitem').filter({ hasText: name })).toContainText(`/api/wire/${slug}`);
  await page.screenshot({ path: 'tests/e2e/screenshots/wire-settings.png', fullPage: true });
  // Stored as a hash only.
  const [row] = await query<{ tokenHash: string }>(`SELECT "tokenHash" FROM "WireSource" WHERE slug = $1`, [slug]);
  expect(row!.tokenHash).not.toContain(token);

  // The desk is open when the item arrives.
  await page.goto(`/newsroom/wires?source=${slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Wires');
  await expect(page.getByText('No wire items match these filters.')).toBeVisible();
  const guid = `urn:e2e:${Date.now()}`;
  const first = await push(request, slug, token, item(guid, 2));
  expect(first.outcome).toBe('new');
  const rowLink = page.getByRole('link', { name: 'Dockworkers extend Callao strike & ships queue offshore' });
  await expect(rowLink).toBeVisible();
  await expect(page.getByRole('row').filter({ has: rowLink })).toContainText(name);
  await page.screenshot({ path: 'tests/e2e/screenshots/wires-desk.png', fullPage: true });

  await rowLink.click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dockworkers extend Callao strike & ships queue offshore');
  await expect(page.getByRole('article', { name: 'Agency text' })).toContainText('CALLAO, Peru — Dockworkers at Callao voted on Saturday');
  await expect(page.getByRole('region', { name: 'About this item' })).toContainText('Ana Quispe');
  await expect(page.getByRole('region', { name: 'Subjects' })).toContainText('medtop:04000000');
  await page.screenshot({ path: 'tests/e2e/screenshots/wire-item.png', fullPage: true });

  await page.getByRole('button', { name: 'Use in a story' }).click();
  // The picture sat at a private address: the draft is made, and the notice says why it has no picture.
  await expect(page.getByRole('alert').filter({ hasText: 'picture could not be imported' })).toContainText('private network');
  await page.getByRole('link', { name: 'Open the story' }).click();
  await expect(page.getByLabel('Headline')).toHaveValue('Dockworkers extend Callao strike & ships queue offshore');
  await expect(page.getByLabel('Credit line')).toHaveValue('Harbour Wire');
  await expect(page.getByLabel('Dateline')).toHaveValue('CALLAO, Peru');
  await expect(body(page)).toContainText('leaving 40 ships waiting offshore');
  const storyUrl = page.url();

  // The desk adds a paragraph of its own (once the shared story is editable: a caret placed in the
  // read-only body shown while it connects does not carry over); the agency then changes one of its paragraphs.
  await expect(body(page)).toHaveAttribute('contenteditable', 'true');
  await body(page).locator('p').last().click();
  await body(page).press('End');
  await body(page).press('Enter');
  await body(page).pressSequentially('Our correspondent saw the queue from the breakwater.');
  // In the order typed, in its own paragraph (the cell's last), before anything else happens to the story.
  await expect(body(page).locator('p').last()).toHaveText('Our correspondent saw the queue from the breakwater.');
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  expect((await push(request, slug, token, item(guid, 3, (x) => x.replace('leaving 40 ships', 'leaving 52 ships')))).outcome).toBe('updated');
  await page.goto(storyUrl);
  const update = page.getByRole('region', { name: 'Wire update available' });
  await expect(update).toContainText('sent version 3; this story was made from version 2');
  await update.getByText('What the agency changed').click();
  await expect(update.locator('ins')).toContainText(['52']);
  await page.screenshot({ path: 'tests/e2e/screenshots/wire-update.png', fullPage: true });
  await update.getByRole('button', { name: 'Apply wire update' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'from version 3 applied' })).toContainText('One undo takes it back');
  await expect(body(page)).toContainText('leaving 52 ships waiting offshore');
  await expect(body(page)).toContainText('Our correspondent saw the queue from the breakwater.');
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();

  // With "Suggest edits" on, the next update arrives as suggestions to accept or reject.
  await push(request, slug, token, item(guid, 4, (x) => x.replace('leaving 40 ships', 'leaving 52 ships').replace('Night-shift safety rules', 'Night-shift safety rules and rest breaks')));
  await page.goto(storyUrl);
  const suggestions = page.getByRole('region', { name: 'Suggestions' });
  await suggestions.getByRole('button', { name: 'Suggest edits' }).click();
  await page.getByRole('region', { name: 'Wire update available' }).getByRole('button', { name: 'Apply wire update' }).click();
  await expect(body(page).locator('ins')).toHaveText([' and rest breaks']);
  await expect(suggestions.getByRole('listitem', { name: 'Insert “ and rest breaks”' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /Saved/ })).toBeVisible();
  await suggestions.getByRole('button', { name: 'Suggest edits' }).click();

  // The kill: a red notice, no Publish, until an editor clears it with a reason.
  await push(request, slug, token, readFileSync('tests/fixtures/wire/newsml-canceled.xml', 'utf8').replace('urn:newsml:harbourwire.test:20261205:port-strike', guid).replace('version="3"', 'version="5"'));
  // Accepting the open suggestion is the desk's business; here the story moves on without it.
  await query(`UPDATE "Story" SET status = 'APPROVED', body = $2 WHERE id = $1`, [storyUrl.split('/').pop(), JSON.stringify({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Dockworkers voted.' }] }] })]);
  await page.goto(storyUrl);
  const kill = page.getByRole('alert').filter({ hasText: 'Wire kill.' });
  await expect(kill).toContainText('canceled the item this story was made from');
  const workflow = page.getByRole('region', { name: 'Workflow' });
  await expect(workflow.getByRole('button', { name: 'Request changes' })).toBeVisible();
  await expect(workflow.getByRole('button', { name: 'Publish', exact: true })).toBeDisabled();
  await expect(workflow.getByText('The agency killed the wire item: an editor clears the kill, with a reason, first.')).toBeVisible();
  await page.screenshot({ path: 'tests/e2e/screenshots/wire-kill.png', fullPage: true });
  await kill.getByLabel('Reason to go on').fill('Rewritten from our own reporting at the port');
  await kill.getByRole('button', { name: 'Clear wire kill' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Wire kill.' })).toHaveCount(0);
  // The kill no longer stands in the way (the story's own checklist may still).
  await expect(workflow.getByText('The agency killed the wire item', { exact: false })).toHaveCount(0);
  await expect(workflow.getByRole('button', { name: 'Publish', exact: true })).toBeVisible();
  const [audit] = await query<{ note: string }>(`SELECT note FROM "AuditEvent" WHERE action = 'story.wireKillClear' AND "storyId" = $1`, [storyUrl.split('/').pop()]);
  expect(audit!.note).toBe('Rewritten from our own reporting at the port');

  // On the desk the item reads as killed.
  await page.goto(`/newsroom/wires?source=${slug}`);
  await expect(page.getByRole('row').filter({ hasText: 'KILL: Dockworkers extend Callao strike' })).toContainText('Killed');
});
