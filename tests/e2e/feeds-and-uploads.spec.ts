import { request as httpRequest } from 'node:http';
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { XMLParser } from 'fast-xml-parser';
import { rssText, xmlDocument } from '../../lib/feeds/xml';
import { XSS_CORPUS } from '../support/xss-corpus';
import { BASE_URL } from '../../playwright.config';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

// Feed readers often render an item's title and description as HTML (RSS allows HTML there). Each
// item is rendered that way in Chromium; a payload that ran would call window.__xss.

const parser = new XMLParser({ ignoreAttributes: true, processEntities: true, htmlEntities: false, parseTagValue: false, trimValues: false });
const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const htmlEscaped = (text: string) => text.replace(/[&<>"']/g, (c) => HTML[c]!);
type Item = { title: string; description?: string };

function itemsOf(xml: string): Item[] {
  const items = parser.parse(xml).rss.channel.item;
  return (Array.isArray(items) ? items : [items]).map((i: Item) => ({ title: String(i.title), description: i.description === undefined ? undefined : String(i.description) }));
}

async function renderAsHtml(page: Page, fired: string[], items: Item[]): Promise<void> {
  const html = items.map((i) => `<article><h2>${i.title}</h2><div>${i.description ?? ''}</div></article>`).join('\n');
  await page.setContent(`<!doctype html><html><body>${html}</body></html>`, { waitUntil: 'load' });
  await page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('body *'))) for (const type of ['mouseover', 'focus', 'animationstart', 'error']) el.dispatchEvent(new Event(type));
  });
  // A marker of our own, the way a payload reports (an image that fails to load), after all of
  // them: once it has been reported, so has any payload that ran.
  await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss(\'settled\')">'));
  await expect.poll(() => fired).toContain('settled');
  fired.splice(fired.indexOf('settled'), 1);
}

async function xssPage(browser: import('@playwright/test').Browser) {
  const fired: string[] = [];
  const context = await browser.newContext();
  await context.exposeBinding('__xss', (_source, id: unknown) => fired.push(String(id)));
  return { page: await context.newPage(), fired };
}

// Payloads a feed can carry as they are (XML 1.0 has no place for control characters).
const breakouts = XSS_CORPUS.filter((e) => ['tag-breakout', 'script-tag', 'event-handler'].includes(e.category) && !/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(e.payload));

test('headlines and deks in the site feed stay text when a reader renders them as HTML', async ({ browser, request }) => {
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const chosen = breakouts.slice(0, 12);
  for (const [i, entry] of chosen.entries()) {
    const id = `feed-xss-${i}`;
    await query(
      `INSERT INTO "Story" (id, headline, dek, slug, body, "plainText", status, "sectionId", "createdById", "publishedAt", "updatedAt")
       VALUES ($1, $2, $3, $1, '{"type":"doc","content":[]}', '', 'PUBLISHED', $4, $5, now() + ($6 || ' seconds')::interval - interval '1 minute', now())`,
      [id, entry.payload, chosen[(i + 1) % chosen.length]!.payload, world!.id, reporter!.id, String(i)],
    );
    await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);
  }
  await query(`SELECT pg_notify('masthead_cache', $1)`, ['home section:world feeds author:riley-chen']);
  try {
    const items = itemsOf(await (await request.get('/feed.xml')).text());
    // The reader sees exactly the text that was written …
    for (const entry of chosen) expect(items.map((i) => i.title)).toContain(htmlEscaped(entry.payload));
    const { page, fired } = await xssPage(browser);
    await renderAsHtml(page, fired, items);
    // … and rendered as HTML it is the original text, not markup.
    await expect(page.getByRole('heading', { name: chosen[0]!.payload, exact: true })).toBeVisible();
    expect(fired).toEqual([]);

    // Positive control: the same payloads escaped only once for XML (as before) do run.
    const { page: control, fired: controlFired } = await xssPage(browser);
    await renderAsHtml(control, controlFired, chosen.map((e) => ({ title: e.payload })));
    expect(controlFired.length).toBeGreaterThan(0);
  } finally {
    await query(`DELETE FROM "Story" WHERE id LIKE 'feed-xss-%'`);
    await query(`SELECT pg_notify('masthead_cache', $1)`, ['home section:world feeds author:riley-chen']);
  }
});

test('every payload of the XSS corpus, written as an RSS title and description, stays text when rendered as HTML', async ({ browser }) => {
  const entries = XSS_CORPUS.filter((e) => !e.payload.includes('\u0000'));
  // Written the way the site writes its feeds: HTML-escaped text, then the XML builder.
  const rss = xmlDocument({ rss: { '@_version': '2.0', channel: { item: entries.map((e) => ({ title: rssText(e.payload), description: rssText(e.payload) })) } } });
  const items = itemsOf(rss);
  expect(items).toHaveLength(entries.length);
  const { page, fired } = await xssPage(browser);
  await renderAsHtml(page, fired, items);
  expect(fired).toEqual([]);
  expect(await page.locator('h2').count()).toBe(entries.length);
});

test('a chunked 50 MB upload is cut off with 413 and the server carries on', async ({ request }) => {
  const state = JSON.parse(readFileSync(storageStateFor('reporter'), 'utf8')) as { cookies: { name: string; value: string }[] };
  const cookie = state.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const url = new URL('/api/desk/media', BASE_URL);
  const boundary = 'masthead-e2e';
  const result = await new Promise<{ status: number; body: string; sent: number }>((resolve, reject) => {
    let sent = 0;
    const req = httpRequest(url, {
      method: 'POST',
      headers: { cookie, origin: BASE_URL, 'content-type': `multipart/form-data; boundary=${boundary}`, 'transfer-encoding': 'chunked' },
    });
    req.on('response', (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, sent }));
    });
    req.on('error', (error) => (sent > 15 * 1024 * 1024 ? resolve({ status: -1, body: String(error), sent }) : reject(error)));
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const chunk = Buffer.alloc(256 * 1024, 0x42);
    const pump = () => {
      while (sent < 50 * 1024 * 1024) {
        sent += chunk.length;
        if (req.destroyed) return;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end(`\r\n--${boundary}--\r\n`);
    };
    pump();
  });
  expect(result.status).toBe(413);
  expect(JSON.parse(result.body).error).toMatch(/too large; the limit is 15 MB/);
  expect((await request.get('/api/health')).ok()).toBe(true);
});
