import { expect, test } from '@playwright/test';
import { BASE_URL } from '../../playwright.config';
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

test('a NUL in a JSON body is refused with 422 and names where it is', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('reporter') });
  const response = await context.request.post('/api/desk/stories', {
    headers: { origin: BASE_URL, 'content-type': 'application/json' },
    data: JSON.stringify({ headline: 'Harbour\u0000news' }),
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error).toBe('Text may not contain NUL characters (at headline).');
});
