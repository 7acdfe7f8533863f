import { expect, test, type Browser, type Page } from '@playwright/test';
import { createHash } from 'node:crypto';
import { createTestUser, query } from './support/db';
import { EMBED_PROVIDER_URL } from './support/embed-provider';
import { storageStateFor } from './support/roles';
import { XSS_CORPUS } from '../support/xss-corpus';

// Every payload of the shared XSS corpus goes through the real pages as data (story text, headline,
// dek, tags, person names). Any payload that runs calls window.__xss(id), which the test records.

type Entry = { id: string; category: string; payload: string };
// U+0000 cannot be stored (the validator refuses it), so it stands here as U+FFFD.
const CORPUS: Entry[] = (XSS_CORPUS as Entry[]).map(
  (e) => ({ ...e, payload: e.payload.replaceAll('\u0000', '\ufffd') }),
);
const breakouts = CORPUS.filter((e) => e.category === 'tag-breakout' || e.category === 'attribute-breakout');

/** A page at `url` (signed in as `role`) whose every payload that runs, or dialog it opens, lands in `fired`. */
async function openWatched(browser: Browser, url: string, role: 'admin' | null, fired: string[]): Promise<Page> {
  const context = await browser.newContext(role ? { storageState: storageStateFor(role) } : {});
  await context.exposeBinding('__xss', (_source, id: unknown) => fired.push(`${url}: ${String(id)}`));
  const page = await context.newPage();
  page.on('dialog', (dialog) => {
    fired.push(`${url}: dialog ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(url);
  return page;
}

/**
 * Waits until what the page has queued so far has run and reported: a last report of our own,
 * made from a task after theirs (the page's CSP allows no inline handler of ours), arrives after
 * any payload's.
 */
async function settled(page: Page, fired: string[], url: string) {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve((window as unknown as { __xss: (id: string) => void }).__xss('settled')), 0))));
  await expect.poll(() => fired).toContain(`${url}: settled`);
  fired.splice(fired.indexOf(`${url}: settled`), 1);
}

/** Hovers and focuses everything, so that handlers needing interaction get their chance. */
function poke(page: Page) {
  return page.evaluate(() => {
    for (const el of Array.from(document.querySelectorAll('body *'))) {
      for (const type of ['mouseover', 'focus', 'click', 'animationstart', 'load', 'error']) {
        if (type === 'click' && el.closest('a, button, form')) continue;
        el.dispatchEvent(new Event(type));
      }
    }
  });
}

test('no corpus payload runs on the article page, the home page, the desk, the editor or the history', async ({ browser }) => {
  // Ten pages, one of them the editor with 754 paragraphs: a minute is not enough on a busy machine.
  test.setTimeout(240_000);
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const body = { type: 'doc', content: CORPUS.map((e) => ({ type: 'paragraph', content: [{ type: 'text', text: e.payload }] })) };
  const headline = breakouts.find((e) => e.payload.includes('</title>'))?.payload ?? breakouts[0]!.payload;
  const dek = breakouts.find((e) => e.payload.includes('</script>'))?.payload ?? breakouts[1]!.payload;
  await query(
    `INSERT INTO "Story" (id, headline, dek, slug, body, "plainText", status, "sectionId", "createdById", "publishedAt", "updatedAt", dateline, "creditLine")
     VALUES ('xss-story', $1, $2, 'xss-corpus', $3, '', 'PUBLISHED', $4, $5, now() - interval '1 minute', now(), $6, $7)`,
    [headline, dek, JSON.stringify(body), world!.id, reporter!.id, breakouts[2]!.payload, breakouts[3]!.payload],
  );
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ('xss-story', $1, 0)`, [reporter!.id]);
  // Searchable, so that the search page renders highlighted snippets of the payloads.
  await query(`UPDATE "Story" SET "plainText" = $1, "searchVector" = to_tsvector('english', $1) WHERE id = 'xss-story'`, [CORPUS.map((e) => e.payload.replaceAll('\u0000', '')).join('\n')]);
  for (const [i, entry] of breakouts.slice(4, 14).entries()) {
    await query(`INSERT INTO "Tag" (id, name, slug) VALUES ($1, $2, $1)`, [`xss-tag-${i}`, entry.payload]);
    await query(`INSERT INTO "StoryTag" ("storyId", "tagId") VALUES ('xss-story', $1)`, [`xss-tag-${i}`]);
  }
  await createTestUser('REPORTER', breakouts.find((e) => e.payload.includes('"'))!.payload);
  // Two revisions, so that the history page renders a diff of every payload.
  const snapshot = (content: unknown[]) =>
    JSON.stringify({ headline, dek, slug: 'xss-corpus', sectionId: world!.id, tags: breakouts.slice(4, 8).map((e) => e.payload), bylineIds: [reporter!.id], creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null, body: { type: 'doc', content } });
  await query(
    `INSERT INTO "Revision" (id, "storyId", "authorId", kind, "storyVersion", snapshot, label, "createdAt") VALUES
       ('xss-rev-1', 'xss-story', $1, 'MANUAL', 1, $2, $4, now() - interval '1 minute'),
       ('xss-rev-2', 'xss-story', $1, 'MANUAL', 1, $3, $4, now())`,
    [reporter!.id, snapshot(body.content.slice(0, Math.floor(body.content.length / 2))), snapshot(body.content), breakouts[5]!.payload],
  );
  // The story page's legal hold banner and its list of shared preview links (who, which revision).
  await query(`UPDATE "Story" SET "legalHold" = true, "legalHoldReason" = $1, "legalHoldAt" = now() WHERE id = 'xss-story'`, [breakouts[6]!.payload]);
  await query(`INSERT INTO "PreviewLink" (id, "storyId", "revisionId", "createdById", "expiresAt") VALUES ('xss-link', 'xss-story', 'xss-rev-2', $1, now() + interval '1 day')`, [reporter!.id]);
  // Written behind the data layer's back: tell the server's read cache, as a publication would.
  await query(`SELECT pg_notify('masthead_cache', $1)`, ['home section:world author:riley-chen directory feeds sitemaps story:xss-story']);

  const fired: string[] = [];
  for (const [url, role] of [
    ['/world/xss-corpus', null],
    ['/', null],
    ['/world', null],
    ['/tags/xss-tag-0', null],
    ['/authors/riley-chen', null],
    ['/search?q=script+onerror', null],
    ['/newsroom', 'admin'],
    ['/newsroom/people', 'admin'],
    ['/newsroom/stories/xss-story', 'admin'],
    ['/newsroom/stories/xss-story/history', 'admin'],
  ] as const) {
    const page = await openWatched(browser, url, role, fired);
    const context = page.context();
    await page.waitForLoadState('load');
    await poke(page);
    await settled(page, fired, url);
    if (['/', '/world', '/tags/xss-tag-0', '/authors/riley-chen'].includes(url)) {
      // The lists really do show the story, so the payloads in them were put to the test.
      await expect(page.getByRole('link', { name: headline }).first(), url).toBeVisible();
    }
    if (url.startsWith('/search')) {
      await expect(page.getByRole('link', { name: headline })).toBeVisible();
      await expect(page.locator('.snippet mark').first()).toBeVisible();
    }
    if (url === '/newsroom/stories/xss-story') {
      await expect(page.getByRole('textbox', { name: 'Story body' }).locator('p')).toHaveCount(CORPUS.length);
      await expect(page.getByRole('note', { name: 'Legal hold' })).toBeVisible();
      await expect(page.getByRole('region', { name: 'Shared preview links' }).getByRole('listitem')).toHaveCount(1);
    }
    if (url === '/newsroom/stories/xss-story/history') {
      await expect(page.getByRole('region', { name: 'Changes to Body' }).locator('ins').first()).toBeVisible();
    }
    if (url === '/world/xss-corpus') {
      // The payloads are text: the body holds exactly one plain paragraph per payload.
      expect(await page.locator('.article-body > p').count()).toBe(CORPUS.length);
      expect(await page.locator('.article-body *:not(p):not(span.dateline)').count()).toBe(0);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(headline);
      expect(await page.title()).toContain(headline);
      // The JSON-LD carries the payloads as data: it parses back to exactly what was stored.
      const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
      expect(ld.headline).toBe(headline);
      expect(ld.description).toBe(dek);
      // Positive control: the same page does report a payload that really runs.
      await page.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss(\'control\')">'));
      await expect.poll(() => fired).toContain(`${url}: control`);
      fired.splice(fired.indexOf(`${url}: control`), 1);
    }
    await context.close();
  }
  expect(fired).toEqual([]);
  await query(`DELETE FROM "Story" WHERE id = 'xss-story'`);
  await query(`DELETE FROM "Tag" WHERE id LIKE 'xss-tag-%'`);
});

test('no corpus payload runs from a live blog’s entries: on its page, inserted by the polling script, on its older entries and on the desk', async ({ browser }) => {
  test.setTimeout(240_000);
  const [editor] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'editor@example.com'`);
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const summary = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Payloads arrive as entries.' }] }] };
  await query(
    `INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "publishedAt", "updatedAt", format)
     VALUES ('xss-live', 'Payloads, live', 'xss-live', $1, '', 'PUBLISHED', $2, $3, now() - interval '1 minute', now(), 'LIVE')`,
    [JSON.stringify(summary), world!.id, editor!.id],
  );
  await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ('xss-live', $1, 0)`, [editor!.id]);
  // The first entry is there when the page opens; the rest arrive while it is open.
  // Twelve entries whatever the corpus's size (the shared one has 709 payloads, the project's own fewer).
  const chunks: Entry[][] = [];
  const per = Math.ceil(CORPUS.length / 12);
  for (let i = 0; i < CORPUS.length; i += per) chunks.push(CORPUS.slice(i, i + per));
  const insert = async (index: number) => {
    const body = { type: 'doc', content: chunks[index]!.map((e) => ({ type: 'paragraph', content: [{ type: 'text', text: e.payload }] })) };
    await query(
      `INSERT INTO "LiveEntry" (id, "storyId", "authorId", headline, body, status, "postedAt", "keyEvent") VALUES ($1, 'xss-live', $2, $3, $4, 'PUBLISHED', now() - make_interval(secs => $5::int), $6)`,
      [`xss-live-${index}`, editor!.id, breakouts[index % breakouts.length]!.payload, JSON.stringify(body), chunks.length - index, index % 3 === 0],
    );
  };
  await insert(0);
  await query(`SELECT pg_notify('masthead_cache', $1)`, ['home section:world story:xss-live']);

  const fired: string[] = [];
  const open = (url: string, role: 'admin' | null) => openWatched(browser, url, role, fired);

  const reader = await open('/world/xss-live', null);
  await expect(reader.locator('.live-entries > article')).toHaveCount(1);
  for (let i = 1; i < chunks.length; i++) await insert(i);
  await query(`SELECT pg_notify('masthead_cache', $1)`, ['story:xss-live']);
  // The script offers them at its next poll and inserts them from live.json's server-rendered HTML.
  const offer = reader.getByRole('button', { name: `${chunks.length - 1} new updates` });
  await expect(offer).toBeVisible({ timeout: 40_000 });
  await offer.click();
  const articles = reader.locator('.live-entries > article');
  await expect(articles).toHaveCount(chunks.length);
  // Text stays text: every inserted entry holds exactly its payloads as plain paragraphs.
  await expect(articles.first().locator('.live-entry-body > p')).toHaveCount(chunks.at(-1)!.length);
  expect(await reader.locator('.live-entry-body *:not(p)').count()).toBe(0);
  await poke(reader);
  // Positive control: this page reports a payload that really runs.
  await reader.evaluate(() => document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="window.__xss(\'control\')">'));
  await expect.poll(() => fired).toContain('/world/xss-live: control');
  fired.splice(fired.indexOf('/world/xss-live: control'), 1);
  await reader.context().close();

  // A cursor from the far future: the older-entries page then lists every entry.
  const everything = Buffer.from(JSON.stringify({ at: '2100-01-01T00:00:00.000Z', id: '' })).toString('base64url');
  for (const [url, role] of [
    [`/world/xss-live/updates?before=${everything}`, null],
    ['/world/xss-live/live.json', null],
    ['/newsroom/stories/xss-live', 'admin'],
  ] as const) {
    const page = await open(url, role);
    await page.waitForLoadState('load');
    await poke(page);
    if (url.includes('/updates')) {
      await expect(page.locator('.live-entries > article')).toHaveCount(chunks.length);
      expect(await page.locator('.live-entry-body *:not(p)').count()).toBe(0);
    }
    if (url === '/newsroom/stories/xss-live') {
      await expect(page.getByRole('list', { name: 'Entries' }).getByRole('listitem')).toHaveCount(chunks.length);
      await page.getByRole('list', { name: 'Entries' }).getByRole('listitem').first().getByRole('button', { name: 'Edit' }).click();
      await expect(page.getByRole('group', { name: 'Correct entry' }).getByRole('textbox', { name: 'Entry', exact: true }).locator('p')).toHaveCount(chunks.at(-1)!.length);
      await poke(page);
    }
    await page.context().close();
  }
  expect(fired).toEqual([]);
  await query(`DELETE FROM "Story" WHERE id = 'xss-live'`);
});

test('no corpus payload runs from an embed: its title, author, post text and address from the provider, the caption and alt text typed in', async ({ browser }) => {
  test.setTimeout(240_000);
  const [reporter] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'reporter@example.com'`);
  const [world] = await query<{ id: string }>(`SELECT id FROM "Section" WHERE slug = 'world'`);
  const [media] = await query<{ id: string }>(`SELECT id FROM "Media" ORDER BY "createdAt" LIMIT 1`);
  // Stored as the resolver stores them: single lines, bounded, the address as the URL parser writes it.
  const line = (text: string, max: number) => text.replace(/[\u0000-\u001f\u007f]+/g, ' ').slice(0, max);
  const stories: string[] = [];
  const per = 60;
  for (let start = 0; start < CORPUS.length; start += per) {
    const chunk = CORPUS.slice(start, start + per);
    const content = [];
    for (const [i, e] of chunk.entries()) {
      const embedId = `xssembed${start + i}x${Date.now().toString(36)}`.toLowerCase().replace(/[^a-z0-9]/g, '');
      const url = new URL(`https://posts.example.test/${encodeURIComponent(e.id)}?q=${e.payload.slice(0, 500)}`).toString();
      await query(
        `INSERT INTO "Embed" (id, url, kind, provider, title, "authorName", "authorUrl", "thumbnailId", width, height, text, "playerUrl", "fetchedAt", "createdById")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 640, 360, $9, $10, now(), $11)`,
        [embedId, url, i % 2 ? 'rich' : 'video', line(e.payload, 100), line(e.payload, 300), line(e.payload, 200), url, media?.id ?? null, e.payload.replaceAll('\u0000', '').slice(0, 2000), i % 2 ? null : `${EMBED_PROVIDER_URL}/player/${encodeURIComponent(e.id)}`, reporter!.id],
      );
      content.push({ type: 'embed', attrs: { embedId, url, kind: 'link', caption: line(e.payload, 1000), alt: line(e.payload, 500) } });
    }
    const id = `xss-embeds-${start}`;
    await query(
      `INSERT INTO "Story" (id, headline, slug, body, "plainText", status, "sectionId", "createdById", "publishedAt", "updatedAt")
       VALUES ($1, 'Payloads, embedded', $1, $2, '', 'PUBLISHED', $3, $4, now() - interval '1 minute', now())`,
      [id, JSON.stringify({ type: 'doc', content }), world!.id, reporter!.id],
    );
    await query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, 0)`, [id, reporter!.id]);
    stories.push(id);
  }
  await query(`SELECT pg_notify('masthead_cache', $1)`, [['home section:world', ...stories.map((id) => `story:${id}`)].join(' ')]);

  const fired: string[] = [];
  for (const id of stories) {
    const reader = await openWatched(browser, `/world/${id}`, null, fired);
    const cards = reader.locator('figure.embed');
    await expect(cards).toHaveCount(Math.min(per, CORPUS.length - Number(id.split('-').pop())));
    // Only the card's own elements: every payload stayed text.
    expect(await reader.locator('figure.embed :is(script, iframe, svg, object, embed, style, form, input)').count()).toBe(0);
    await poke(reader);
    // Pressing play frames only the provider's player, never a payload.
    await cards.first().getByRole('link', { name: /Play video/ }).click();
    await expect(cards.first().locator('iframe')).toHaveAttribute('src', new RegExp(`^${EMBED_PROVIDER_URL}/player/`));
    await reader.context().close();
  }
  // The editor draws the same cards, with the caption and alt text in fields.
  const desk = await openWatched(browser, `/newsroom/stories/${stories[0]}`, 'admin', fired);
  await expect(desk.getByRole('group', { name: /^Embed: / })).toHaveCount(Math.min(per, CORPUS.length));
  await poke(desk);
  await desk.context().close();
  expect(fired).toEqual([]);
  for (const id of stories) await query(`DELETE FROM "Story" WHERE id = $1`, [id]);
});

test('no corpus payload runs from wire copy: ninjs HTML bodies, headlines, bylines, datelines, sluglines, summaries and subjects, on the Wires desk, the item page and the story made from it', async ({ browser, request }) => {
  test.setTimeout(300_000);
  const token = `mw_${createHash('sha256').update(String(Date.now())).digest('base64url')}`;
  const slug = `xss-wire-${Date.now().toString(36)}`;
  await query(`INSERT INTO "WireSource" (id, name, slug, "tokenHash") VALUES ($1, 'XSS Wire', $1, $2)`, [slug, createHash('sha256').update(token).digest('hex')]);
  const clean = (text: string) => text.replaceAll('\ufffd', '');
  const per = 60;
  const ids: string[] = [];
  for (let start = 0; start < CORPUS.length; start += per) {
    const chunk = CORPUS.slice(start, start + per).map((e) => ({ ...e, payload: clean(e.payload) }));
    const pick = (i: number) => chunk[i % chunk.length]!.payload;
    const item = {
      uri: `urn:xss:${start}`,
      type: 'text',
      version: '1',
      headlines: [{ role: 'main', value: pick(0) }],
      by: pick(1),
      located: pick(2),
      slugline: pick(3),
      descriptions: [{ role: 'summary', value: pick(4) }],
      subjects: chunk.slice(0, 50).map((e) => ({ name: e.payload, literal: e.id })),
      bodies: [{ role: 'main', contenttype: 'text/html', value: chunk.map((e) => `<p>${e.payload}</p>${e.payload}`).join('\n') }],
    };
    const response = await request.post(`/api/wire/${slug}`, { headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, data: JSON.stringify(item) });
    expect(response.status(), await response.text()).toBe(202);
    ids.push(((await response.json()) as { items: { id: string }[] }).items[0]!.id);
  }
  const fired: string[] = [];
  const desk = await openWatched(browser, `/newsroom/wires?source=${slug}`, 'admin', fired);
  await expect(desk.locator('table.grid tbody tr')).toHaveCount(ids.length);
  await poke(desk);
  await desk.context().close();
  for (const id of ids) {
    const page = await openWatched(browser, `/newsroom/wires/${id}`, 'admin', fired);
    await expect(page.getByRole('article', { name: 'Agency text' })).toBeVisible();
    // Only the story schema's elements came through: every payload's markup is gone or text.
    expect(await page.locator('.wire-text :is(script, iframe, svg, object, embed, style, form, input, img, video, audio, math, template)').count()).toBe(0);
    await poke(page);
    if (id === ids[0]) {
      await page.getByRole('button', { name: 'Use in a story' }).click();
      await page.waitForURL(/\/newsroom\/stories\//);
      await expect(page.getByRole('textbox', { name: 'Story body' })).toBeVisible();
      await poke(page);
      await query(`DELETE FROM "Story" WHERE id = $1`, [page.url().split('/').pop()]);
    }
    await page.context().close();
  }
  expect(fired).toEqual([]);
  await query(`DELETE FROM "WireSource" WHERE id = $1`, [slug]);
});
