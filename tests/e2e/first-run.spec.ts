import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { expect, test, type Browser } from '@playwright/test';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { PORTS } from './support/ports';

// A new installation, started the way an operator starts it (`npm start`) on an empty database:
// no demo accounts, instructions to create the first admin, `npm run user:create`, and the limits
// that only a server of its own can show (the main e2e server runs with them lifted). It trusts one
// proxy hop, so each test can speak from an address of its own through X-Forwarded-For.

const PORT = PORTS.firstRun;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'first-admin@example.org', name: 'Dana Whitfield', password: 'harbour lights over slate roofs' };
let server: ChildProcess;
let output = '';
let databaseUrl: string;
let adminUrl: string;
const database = `masthead_firstrun_${Date.now().toString(36)}`;

const env = () => ({
  ...process.env,
  DATABASE_URL: databaseUrl,
  PORT: String(PORT),
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  MASTHEAD_SITE_URL: 'https://news.example.test',
  AUTH_URL: BASE,
  MASTHEAD_TRUSTED_PROXIES: '1',
  MASTHEAD_SEARCH_RATE_LIMIT: '5',
  MASTHEAD_API_RATE_LIMIT: '8',
  MASTHEAD_DEMO: '',
  NEXT_TELEMETRY_DISABLED: '1',
});

async function query<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  // Starting a server (migrations included) can take over a minute on a busy machine.
  test.setTimeout(180_000);
  adminUrl = Object.assign(new URL(process.env.E2E_DATABASE_URL!), { pathname: '/postgres' }).toString();
  await ensureDatabase(adminUrl, database);
  databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  server = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/run.ts', 'start'], { env: env() });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 170_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`npm start did not answer:\n${output}`);
    try {
      if ((await fetch(`${BASE}/login`, { signal: AbortSignal.timeout(5000) })).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  await dropDatabase(adminUrl, database).catch(() => {});
});

const from = (browser: Browser, address: string) => browser.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': address } });

test('a production start on an empty database has no demo account and says how to create the first admin', async ({ browser }) => {
  expect(await query('SELECT email FROM "User"')).toEqual([]);
  expect(output).toContain('npm run user:create -- --email you@example.com --name "Your Name" --role ADMIN');
  expect(output).not.toMatch(/seed/i);
  const page = await (await from(browser, '192.0.2.10')).newPage();
  await page.goto('/login');
  const note = page.getByRole('note', { name: 'First run' });
  await expect(note).toContainText('This newsroom has no accounts yet.');
  await expect(note).toContainText('npm run user:create');
  await page.screenshot({ path: 'tests/e2e/screenshots/login-first-run.png' });
  // The demo password opens nothing.
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill('masthead-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That email and password do not match an active account.');
});

test('user:create makes the first admin, refuses a weak password, and the admin signs in', async ({ browser }) => {
  const run = (password: string, email = ADMIN.email) =>
    spawnSync('npm', ['run', '--silent', 'user:create', '--', '--email', email, '--name', ADMIN.name, '--role', 'ADMIN'], {
      env: { ...env(), MASTHEAD_PASSWORD: password },
      encoding: 'utf8',
    });
  const weak = run('password1234');
  expect(weak.status).toBe(1);
  expect(weak.stderr).toMatch(/too common or too easy to guess/);
  expect(await query('SELECT email FROM "User"')).toEqual([]);

  const made = run(ADMIN.password);
  expect(made.status, made.stderr).toBe(0);
  expect(made.stdout).toContain(`${ADMIN.name} <${ADMIN.email}> can now sign in as admin.`);
  expect(run(ADMIN.password).stderr).toContain('A person with this email address already exists.');

  const page = await (await from(browser, '192.0.2.11')).newPage();
  await page.goto('/login');
  await expect(page.getByRole('note', { name: 'First run' })).toHaveCount(0);
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByLabel('Signed in as')).toContainText(ADMIN.name);
});

test('20 wrong passwords from one address do not stop the right password from another', async ({ browser }) => {
  const attacker = await (await from(browser, '198.51.100.66')).newPage();
  await attacker.goto('/login');
  // Each attempt on a freshly loaded form: a form that has just answered resets its fields, and
  // typing into it at that moment loses what was typed.
  const attempt = async (password: string) => {
    await attacker.goto('/login');
    await attacker.getByLabel('Email').fill(ADMIN.email);
    await attacker.getByLabel('Password').fill(password);
    await attacker.getByRole('button', { name: 'Sign in' }).click();
    await expect(attacker.getByRole('alert').filter({ hasText: 'do not match' })).toHaveText('That email and password do not match an active account.');
  };
  for (let i = 0; i < 20; i++) await attempt(`guess number ${i}`);
  // Locked out at that address, even with the right password …
  await attempt(ADMIN.password);
  await expect(attacker).toHaveURL(/\/login/);
  // … but the admin, elsewhere, signs in at once.
  const admin = await (await from(browser, '203.0.113.20')).newPage();
  await admin.goto('/login');
  await admin.getByLabel('Email').fill(ADMIN.email);
  await admin.getByLabel('Password').fill(ADMIN.password);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByLabel('Signed in as')).toContainText(ADMIN.name);
});

test('search and the API answer 429 with Retry-After past the limit, per client address', async ({ playwright }) => {
  const client = (address: string) => playwright.request.newContext({ baseURL: BASE, extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const busy = await client('198.51.100.77');
  for (let i = 0; i < 5; i++) expect((await busy.get(`/search?q=summit${i}`)).status()).toBe(200);
  const refused = await busy.get('/search?q=summit');
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()['retry-after'])).toBeGreaterThan(0);
  expect(await refused.text()).toContain('Too many requests from your address');
  expect((await (await client('198.51.100.78')).get('/search?q=summit')).status()).toBe(200);

  for (let i = 0; i < 8; i++) expect((await busy.get('/api/v1/sections')).status()).toBe(200);
  const api = await busy.get('/api/v1/stories');
  expect(api.status()).toBe(429);
  expect(api.headers()['retry-after']).toMatch(/^\d+$/);
  expect((await api.json()).error).toMatch(/Too many requests/);
  expect((await (await client('198.51.100.79')).get('/api/v1/stories')).status()).toBe(200);
});

test('an https site gets HSTS; a forged client address header is replaced', async ({ playwright }) => {
  const request = await playwright.request.newContext({ baseURL: BASE });
  const response = await request.get('/');
  expect(response.headers()['strict-transport-security']).toBe('max-age=63072000; includeSubDomains');
  // A new made-up address on every request: were the header believed, each would be a new client
  // and none would run out. The server counts the connection's address instead.
  const forged = (i: number) => ({ headers: { 'X-Masthead-Client': `10.9.9.${i}` } });
  for (let i = 0; i < 5; i++) expect((await request.get(`/search?q=x${i}`, forged(i))).status()).toBe(200);
  expect((await request.get('/search?q=x', forged(99))).status()).toBe(429);
});
