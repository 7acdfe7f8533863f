import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
import { query } from './support/db';
import { storageStateFor } from './support/roles';

test('health says the process is alive; ready says the database and the job queue answer', async ({ request }) => {
  const health = await request.get('/api/health');
  expect(health.status()).toBe(200);
  const ready = await request.get('/api/ready');
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ ready: true, database: 'ok', queue: 'ok' });
  expect(ready.headers()['cache-control']).toBe('no-store');
});

test('a NUL in any address is refused with 400, never a server error', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  for (const path of ['/search?q=%00', '/search?q=a%00b', '/newsroom?q=%00', '/api/v1/stories?q=%00', '/world/%00', '/api/desk/stories/%00', '/tags/x%00y']) {
    const response = await context.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(400);
    expect(await response.text(), path).toContain('may not contain NUL characters');
  }
});

test('a NUL encoded twice in a story, tag or author address (%2500) answers 404, never a server error', async ({ request }) => {
  for (const path of ['/politics/%3Csvg%250Ao%2500nload%3Dalert(1)%3E', '/world/a%2500b', '/tags/x%2500y', '/authors/%2500', '/world/%252500']) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBe(404);
  }
  // The API says what is wrong with the reference, as JSON.
  const api = await request.get('/api/v1/stories/%2500');
  expect(api.status()).toBe(400);
  expect((await api.json()).error.message).toBe('A story is named by its id or its slug.');
});

test('a write whose Origin is "null" is refused with 403, not a server error', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('reporter') });
  const response = await context.request.post('/api/desk/stories', { headers: { origin: 'null', 'content-type': 'application/json' }, data: JSON.stringify({ headline: 'Harbour news' }) });
  expect(response.status()).toBe(403);
  expect((await response.json()).error).toBe('Cross-site requests are not accepted.');
});

test('a CSP report sent in chunks without a length is cut off at 16 KB with 413', async ({ baseURL }) => {
  const { request: send } = await import('node:http');
  const status = await new Promise<number>((resolve, reject) => {
    const req = send(`${baseURL}/api/csp-report`, { method: 'POST', headers: { 'content-type': 'application/csp-report', 'transfer-encoding': 'chunked' } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    const chunk = 'x'.repeat(4096);
    for (let i = 0; i < 8; i++) req.write(chunk);
    req.end();
  });
  expect(status).toBe(413);
});

test('a NUL in a JSON body is refused with 422 and names where it is', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('reporter') });
  const response = await context.request.post('/api/desk/stories', {
    headers: { origin: BASE_URL, 'content-type': 'application/json' },
    data: JSON.stringify({ headline: 'Harbour\u0000news' }),
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error).toBe('Text may not contain NUL characters (at headline).');
});

// Every route handler and every page of the app, found on disk so that a new one is swept too:
// each method it exports gets a NUL in its address, in a JSON body and in a form body, signed in
// as an editor. Nothing may answer with a server error.
test('a NUL sent to every route and page, in any part of the request, never gets a server error', async ({ browser }) => {
  test.setTimeout(120_000);
  const { readdirSync, readFileSync } = await import('node:fs');
  const path = await import('node:path');
  const [story] = await query<{ id: string; slug: string }>(`SELECT s.id, s.slug FROM "Story" s WHERE s.status = 'PUBLISHED' LIMIT 1`);
  const [media] = await query<{ storageKey: string }>(`SELECT "storageKey" FROM "Media" LIMIT 1`);
  const fill: Record<string, string> = { section: 'world', slug: story!.slug, tag: 'diplomacy', author: 'lee-jon-young', id: story!.id, ref: story!.id, file: 'feed.xml', page: 'front', kind: 'section', token: 'x', key: media ? `${media.storageKey}/320.webp` : 'x/320.webp', nextauth: 'session' };
  const routes: { url: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === 'route.ts' || entry.name === 'page.tsx') {
        const url = `/${path.relative('app', path.dirname(full)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).map((s) => s.replace(/^\[+\.{0,3}([^\]]+)\]+$/, (_, name: string) => fill[name] ?? 'x')).join('/')}`.replace(/\/$/, '') || '/';
        const methods = entry.name === 'page.tsx' ? ['GET', 'POST'] : [...readFileSync(full, 'utf8').matchAll(/export (?:async )?(?:function|const) (GET|POST|PUT|PATCH|DELETE)\b/g)].map((m) => m[1]!);
        routes.push({ url, methods: methods.length ? methods : ['GET'] });
      }
    }
  };
  walk('app');
  expect(routes.length).toBeGreaterThan(30);
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  const failures: string[] = [];
  let sent = 0;
  for (const { url, methods } of routes) {
    for (const method of methods) {
      const attempts = [
        { label: 'address', url: `${url}${url.includes('?') ? '&' : '?'}q=%00`, data: undefined, headers: {} as Record<string, string> },
        { label: 'JSON', url, data: JSON.stringify({ q: 'a\u0000b', headline: '\u0000', note: 'x\u0000', body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: '\u0000' }] }] } }), headers: { 'content-type': 'application/json' } },
        { label: 'form', url, data: 'q=%00&note=a%00b&email=%00', headers: { 'content-type': 'application/x-www-form-urlencoded' } },
      ];
      for (const attempt of attempts) {
        if (method === 'GET' && attempt.data) continue;
        const response = await context.request.fetch(attempt.url, { method, data: attempt.data, headers: { origin: BASE_URL, ...attempt.headers }, maxRedirects: 0 });
        sent += 1;
        if (response.status() >= 500) failures.push(`${method} ${attempt.url} (${attempt.label}): ${response.status()}`);
      }
    }
  }
  console.log(`NUL sweep: ${sent} requests to ${routes.length} routes and pages, ${failures.length} server errors`);
  expect(failures).toEqual([]);
});

test('each request has an id, answered in X-Request-Id and carried by its JSON log line', async ({ request }) => {
  const { readFileSync } = await import('node:fs');
  const response = await request.get('/world');
  const id = response.headers()['x-request-id'];
  expect(id).toMatch(/^[0-9a-f-]{36}$/);
  // A client cannot choose its own id when no trusted proxy is configured.
  expect((await request.get('/world', { headers: { 'x-request-id': 'chosen-by-client' } })).headers()['x-request-id']).not.toBe('chosen-by-client');
  let line: { level: number; requestId: string; method: string; path: string; status: number; ms: number; msg: string } | undefined;
  await expect
    .poll(() => {
      const lines = readFileSync('test-results/next-server.log', 'utf8').split('\n').filter((l) => l.startsWith('{'));
      line = lines
        .flatMap((l) => {
          try {
            return [JSON.parse(l)];
          } catch {
            return [];
          }
        })
        .find((entry) => entry.requestId === id);
      return line !== undefined;
    })
    .toBe(true);
  expect(line).toMatchObject({ level: 30, msg: 'request', method: 'GET', path: '/world', status: 200 });
  expect(typeof line!.ms).toBe('number');
});
