import { readFileSync } from 'node:fs';
import { expect, test, type Browser } from '@playwright/test';
import { createTestUser, query } from './support/db';
import { storageStateFor } from './support/roles';
import { signIn } from './support/sign-in';

const NEW_PASSWORD = 'violet tram across the old bridge';

async function signedIn(browser: Browser, email: string, password: string) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/newsroom$/);
  return page;
}

test('changing my password signs my other browser out at once and keeps this one', async ({ browser }) => {
  const me = await createTestUser('REPORTER');
  const laptop = await signedIn(browser, me.email, me.password);
  const phone = await signedIn(browser, me.email, me.password);

  await laptop.getByRole('link', { name: `Your account: ${me.name}` }).click();
  await expect(laptop.getByRole('heading', { name: 'Your account' })).toBeVisible();
  // A common password is refused and nothing changes.
  await laptop.getByLabel('Current password').fill(me.password);
  await laptop.getByLabel('New password').fill('password12345');
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.locator('#account-newPassword-error')).toContainText('too common or too easy to guess');
  await laptop.screenshot({ path: 'tests/e2e/screenshots/account.png', fullPage: true });

  await laptop.getByLabel('Current password').fill(me.password);
  await laptop.getByLabel('New password').fill(NEW_PASSWORD);
  await laptop.getByRole('button', { name: 'Change password' }).click();
  await expect(laptop.getByRole('status').filter({ hasText: 'Your password has been changed' })).toContainText('One other session was signed out.');

  await phone.goto('/newsroom');
  await expect(phone).toHaveURL(/\/login/);
  await laptop.goto('/newsroom');
  await expect(laptop.getByLabel('Signed in as')).toContainText(me.name);

  const again = await (await browser.newContext()).newPage();
  await signIn(again, me.email, me.password);
  await expect(again.getByRole('alert').filter({ hasText: 'do not match' })).toBeVisible();
  await signIn(again, me.email, NEW_PASSWORD);
  await expect(again).toHaveURL(/\/newsroom$/);
  const [audit] = await query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditEvent" WHERE "entityId" = $1 AND action = 'user.password'`, [me.id]);
  expect(audit!.n).toBe(1);
});

test('signing out ends the session for a copy of its cookie too', async ({ browser }) => {
  const me = await createTestUser('REPORTER');
  const page = await signedIn(browser, me.email, me.password);
  const cookies = await page.context().cookies();
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  const copy = await browser.newContext();
  await copy.addCookies(cookies);
  const stolen = await copy.newPage();
  await stolen.goto('/newsroom');
  await expect(stolen).toHaveURL(/\/login/);
});

test('an admin\'s reset link sets a new password once and signs the person out everywhere', async ({ browser }) => {
  const person = await createTestUser('REPORTER');
  const theirs = await signedIn(browser, person.email, person.password);

  const admin = await (await browser.newContext({ storageState: storageStateFor('admin') })).newPage();
  await admin.goto('/newsroom/people');
  await admin.getByRole('button', { name: `Reset link for ${person.name}` }).click();
  const field = admin.getByLabel(`One-time password link for ${person.name}`);
  await expect(field).toHaveValue(/\/reset-password\/[A-Za-z0-9_-]{40,}$/);
  const link = await field.inputValue();

  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto(new URL(link).pathname);
  await expect(visitor.getByText(`For ${person.email}.`)).toBeVisible();
  await visitor.screenshot({ path: 'tests/e2e/screenshots/reset-password.png' });
  await visitor.getByLabel('New password').fill(NEW_PASSWORD);
  await visitor.getByRole('button', { name: 'Set password' }).click();
  await expect(visitor).toHaveURL(/\/login\?reason=password-reset/);
  await expect(visitor.getByText('Your password has been set.')).toBeVisible();
  await visitor.getByLabel('Email').fill(person.email);
  await visitor.getByLabel('Password').fill(NEW_PASSWORD);
  await visitor.getByRole('button', { name: 'Sign in' }).click();
  await expect(visitor).toHaveURL(/\/newsroom$/);

  await theirs.goto('/newsroom');
  await expect(theirs).toHaveURL(/\/login/);

  const second = await (await browser.newContext()).newPage();
  await second.goto(new URL(link).pathname);
  await expect(second.getByRole('alert').filter({ hasText: 'reset link' })).toContainText('This reset link has expired or has already been used.');
  await expect(second.getByRole('button', { name: 'Set password' })).toHaveCount(0);
  const actions = await query<{ action: string }>(`SELECT action FROM "AuditEvent" WHERE "entityId" = $1 ORDER BY "createdAt"`, [person.id]);
  expect(actions.map((a) => a.action)).toEqual(['user.resetLink', 'user.passwordReset']);
});

test('newsroom and sign-in pages carry a nonce CSP; an injected inline script is blocked and reported', async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor('editor') });
  const ran: string[] = [];
  await context.exposeBinding('__xss', (_source, id: unknown) => ran.push(String(id)));
  const page = await context.newPage();
  // Stands in for markup that got into a page somehow: an inline script without the nonce.
  const marker = `csp-probe-${Date.now()}`;
  await page.route('**/newsroom', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', `<script>window.__xss('${marker}')</script></body>`);
    await route.fulfill({ response, body: html });
  });
  const violations: string[] = [];
  page.on('console', (message) => violations.push(message.text()));
  const response = await page.goto('/newsroom');
  const policy = response!.headers()['content-security-policy']!;
  expect(policy).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) expect(policy).toContain(directive);
  // The page's own scripts carry the nonce and run: the desk is interactive.
  await expect(page.getByLabel('Signed in as')).toContainText('Eden Park');
  await expect.poll(() => page.evaluate(() => document.querySelectorAll('script[nonce]').length)).toBeGreaterThan(0);
  // The browser refuses the injected script when it parses it, and says so: once it has, the script
  // has had its only chance to run.
  await expect.poll(() => violations.join('\n')).toMatch(/Content Security Policy/);
  expect(ran).toEqual([]);
  // The browser reported it to /api/csp-report, which logs one line per report.
  await expect.poll(() => readFileSync('test-results/next-server.log', 'utf8').includes('[csp-report]'), { timeout: 10_000 }).toBe(true);
  const line = readFileSync('test-results/next-server.log', 'utf8').split('\n').find((l) => l.includes('[csp-report]') && l.includes('/newsroom'));
  expect(line).toMatch(/"directive":"script-src/);

  // The nonce differs on every response.
  const first = (await context.request.get('/login')).headers()['content-security-policy'];
  const second = (await context.request.get('/login')).headers()['content-security-policy'];
  expect(first).toMatch(/'nonce-/);
  expect(first).not.toBe(second);
});

test('public pages carry the cacheable policy and the API a no-content one', async ({ request }) => {
  const home = await request.get('/');
  expect(home.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
  expect(home.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  expect((await request.get('/api/v1/sections')).headers()['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  // Not https here: no HSTS (the first-run test checks it on an https site).
  expect(home.headers()['strict-transport-security']).toBeUndefined();
});
