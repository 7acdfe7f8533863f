import { expect, test, type Page } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { query } from './support/db';
import { body, expectSaved, startStory } from './support/editor';
import { EMBED_PROVIDER_URL } from './support/embed-provider';
import { storageStateFor } from './support/roles';

// Embeds from a local oEmbed provider (tests/e2e/support/embed-provider.ts, named in the server's
// providers list): pasted into a story, published, and read with nothing loaded from the provider
// until the reader presses play.

test.use({ storageState: storageStateFor('reporter') });

/** Pastes text where the caret is (a click first would move it). */
async function pasteHere(page: Page, text: string) {
  await body(page).evaluate((element, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test('a video address pasted on its own line becomes a card; published with five embeds, the page loads nothing off-site until Play', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const video = `${EMBED_PROVIDER_URL}/video/quay${Date.now()}`;
  const id = await startStory(page, `Cranes return to the quay ${Date.now()}`, 'The cranes were back at work on Monday.');
  await page.getByLabel('Section').selectOption({ label: 'World' });
  await body(page).press('End');
  await body(page).press('Enter');
  await pasteHere(page, video);
  const card = body(page).getByRole('group', { name: /^Embed: Harbour cranes at work/ });
  await expect(card).toBeVisible();
  await expect(card).toContainText('Video · Harbour Video');
  await expect(card).toContainText('Harbour TV');
  await expect(card.locator('img')).toHaveAttribute('src', /^\/media\/[a-z0-9]+\/\d+\.webp$/);
  await expect(page.getByRole('status').filter({ hasText: 'Embedded:' })).toBeVisible();

  // One undo takes the card out; redo puts it back.
  await body(page).click();
  await page.keyboard.press('ControlOrMeta+Z');
  await expect(card).toHaveCount(0);
  await page.keyboard.press('ControlOrMeta+Shift+Z');
  await expect(card).toBeVisible();

  await card.getByLabel('Caption').fill('Dockworkers returned after the storm.');
  await card.getByLabel('Alt text').fill('Two cranes lifting containers at dusk');
  await expectSaved(page);

  // An address that cannot be embedded stays a link, and the notice says why.
  await body(page).locator('p').first().click();
  await body(page).press('End');
  await body(page).press('Enter');
  await pasteHere(page, `${EMBED_PROVIDER_URL}/video/gone`);
  await expect(page.getByRole('status').filter({ hasText: 'Not embedded:' })).toContainText('It stays a link.');
  await expect(body(page).getByRole('link', { name: `${EMBED_PROVIDER_URL}/video/gone` })).toBeVisible();
  await body(page).locator('p').first().click();
  await body(page).press('End');
  await body(page).press('Enter');
  await pasteHere(page, 'http://10.1.2.3/internal');
  await expect(page.getByRole('status').filter({ hasText: 'Not embedded:' })).toContainText(/private/i);

  // The Embed dialog does the same for a typed address.
  await page.getByRole('button', { name: 'Embed', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Embed' });
  await dialog.getByLabel('Address').fill(`${EMBED_PROVIDER_URL}/post/statement`);
  await dialog.getByRole('button', { name: 'Insert embed' }).click();
  await expect(dialog).toBeHidden();
  await expect(body(page).getByRole('group', { name: /^Embed: Port authority statement \(statement\)/ })).toContainText('The port reopens at six.');
  // Five embeds in all: three more videos.
  for (const n of [1, 2, 3]) {
    await page.getByRole('button', { name: 'Embed', exact: true }).click();
    await dialog.getByLabel('Address').fill(`${EMBED_PROVIDER_URL}/video/more${n}`);
    await dialog.getByRole('button', { name: 'Insert embed' }).click();
    await expect(body(page).getByRole('group', { name: `Embed: Harbour cranes at work (more${n})` })).toBeVisible();
  }
  await expect(body(page).getByRole('group', { name: /^Embed: / })).toHaveCount(5);
  await expectSaved(page);
  await page.screenshot({ path: 'tests/e2e/screenshots/editor-embed.png', fullPage: true });

  // Published (arranged as approved, then an editor's Publish).
  await query(`UPDATE "Story" SET status = 'APPROVED' WHERE id = $1`, [id]);
  const editor = await (await browser.newContext({ storageState: storageStateFor('editor') })).newPage();
  await editor.goto(`/newsroom/stories/${id}`);
  const workflow = editor.getByRole('region', { name: 'Workflow' });
  await workflow.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(workflow).toContainText('published');
  const [row] = await query<{ slug: string }>('SELECT slug FROM "Story" WHERE id = $1', [id]);

  const reader = await (await browser.newContext({ storageState: { cookies: [], origins: [] } })).newPage();
  const offsite: string[] = [];
  reader.on('request', (request) => {
    if (!request.url().startsWith(BASE_URL) && !/^(data|blob):/.test(request.url())) offsite.push(request.url());
  });
  const response = await reader.goto(`/world/${row!.slug}`);
  expect(response!.headers()['content-security-policy']).toContain(`frame-src ${EMBED_PROVIDER_URL}`);
  await expect(reader.locator('figure.embed')).toHaveCount(5);
  const figure = reader.locator('figure.embed-video').filter({ hasText: 'quay' });
  await expect(figure).toContainText('Harbour cranes at work');
  await expect(figure.locator('figcaption')).toHaveText('Dockworkers returned after the storm.');
  await expect(figure.getByRole('img', { name: 'Two cranes lifting containers at dusk' })).toBeVisible();
  await expect(reader.locator('figure.embed-rich blockquote')).toHaveText('The port reopens at six.');
  await expect(reader.locator('a.embed-play')).toHaveCount(4);
  await reader.waitForLoadState('networkidle');
  expect(offsite).toEqual([]);
  await reader.screenshot({ path: 'tests/e2e/screenshots/article-embeds.png', fullPage: true });

  await figure.getByRole('link', { name: /Play video/ }).click();
  const frame = figure.locator('iframe.embed-frame');
  await expect(frame).toHaveAttribute('src', new RegExp(`^${EMBED_PROVIDER_URL}/player/quay\\d+\\?autoplay=1$`));
  await expect(reader.frameLocator('figure.embed-video iframe').getByText(/^Playing quay/)).toBeVisible();
  expect(offsite.length).toBeGreaterThan(0);
  expect(offsite.every((u) => u.startsWith(`${EMBED_PROVIDER_URL}/player/`))).toBe(true);

  // The API and ninjs carry the card, not the provider's HTML.
  const api = await (await reader.request.get(`/api/v1/stories/${id}`)).json();
  expect(api.bodyHtml ?? api.data?.bodyHtml).toContain('class="embed embed-video"');
  expect(JSON.stringify(api)).not.toMatch(/<iframe|<script|tracker\.js/);
  const ninjs = await (await reader.request.get(`/api/v1/stories/${id}?format=ninjs`)).json();
  expect(ninjs.bodies[0].value.match(/<figure class="embed /g)).toHaveLength(5);
  expect(JSON.stringify(ninjs)).not.toMatch(/<iframe|<script|tracker\.js/);
});

test('admins see every provider at /newsroom/settings/embeds and add Mastodon instances by host (a bad host is refused, nothing changes)', async ({ browser }) => {
  const admin = await (await browser.newContext({ storageState: storageStateFor('admin') })).newPage();
  await admin.goto('/newsroom/settings/embeds');
  await expect(admin.getByRole('heading', { name: 'Embed settings', level: 1 })).toBeVisible();
  const toggle = admin.getByRole('checkbox', { name: 'Embed from Harbour Video' });
  await expect(toggle).toBeChecked();
  await admin.getByLabel('Mastodon instances').fill('not a host!');
  await admin.getByRole('button', { name: 'Save providers' }).click();
  await expect(admin.locator('#embed-mastodon-error')).toContainText('is not a host name');
  await expect(admin.getByRole('checkbox', { name: /Mastodon/ })).toHaveCount(0);
  await admin.getByLabel('Mastodon instances').fill('mastodon.example.org');
  await admin.getByRole('button', { name: 'Save providers' }).click();
  await expect(admin.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(admin.getByRole('checkbox', { name: 'Embed from Mastodon (mastodon.example.org)' })).toBeChecked();
  await admin.screenshot({ path: 'tests/e2e/screenshots/settings-embeds.png', fullPage: true });
  await admin.getByLabel('Mastodon instances').fill('');
  await admin.getByRole('button', { name: 'Save providers' }).click();
  await expect(admin.getByRole('checkbox', { name: /Mastodon/ })).toHaveCount(0);
  const [audit] = await query<{ toState: string }>(`SELECT "toState" FROM "AuditEvent" WHERE action = 'settings.embeds' ORDER BY "createdAt" DESC LIMIT 1`);
  expect(audit!.toState).toContain('Mastodon: none');
});
