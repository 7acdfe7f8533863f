import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { PORTS } from './support/ports';

// The first-run instructions, followed on the embedded database as an operator would: `npm start`
// with no DATABASE_URL, then `npm run user:create` in a second terminal while it runs. The second
// command must use the running server's PostgreSQL, not stop it: the server keeps its database and
// the new admin signs in.

const PORT = PORTS.embeddedStart;
const BASE = `http://127.0.0.1:${PORT}`;
const ADMIN = { email: 'night-editor@example.org', name: 'Noor Haddad', password: 'lanterns along the harbour wall' };
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-embedded-start-'));
let server: ChildProcess;
let output = '';

const env = () => ({
  ...process.env,
  DATABASE_URL: '',
  MASTHEAD_DATA_DIR: dataDir,
  MASTHEAD_PG_PORT: '55491',
  MASTHEAD_FRONT_URLS: '',
  PORT: String(PORT),
  AUTH_SECRET: randomBytes(32).toString('base64url'),
  MASTHEAD_SITE_URL: BASE,
  AUTH_URL: BASE,
  MASTHEAD_DEMO: '',
  NEXT_TELEMETRY_DISABLED: '1',
});

test.describe.configure({ mode: 'serial', timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  chmodSync(dataDir, 0o755); // PostgreSQL runs as its own user when we are root
  server = spawn(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/run.ts', 'start'], { env: env() });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  await expect
    .poll(
      async () => {
        if (server.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
        return fetch(`${BASE}/login`, { signal: AbortSignal.timeout(5000) }).then((r) => r.status, () => 0);
      },
      { timeout: 220_000, intervals: [500] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (server && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
  rmSync(dataDir, { recursive: true, force: true });
});

test('npm run user:create beside a running npm start uses its embedded database; the server keeps it and the admin signs in', async ({ browser }) => {
  expect(output).toContain('Create the first admin with');
  // Not spawnSync: this process must keep reading the running server's output meanwhile.
  const created = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn('npm', ['run', 'user:create', '--', '--email', ADMIN.email, '--name', ADMIN.name, '--role', 'ADMIN'], { env: { ...env(), MASTHEAD_PASSWORD: ADMIN.password } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (status) => resolve({ status, stdout, stderr }));
  });
  expect(created.status, `${created.stdout}\n${created.stderr}`).toBe(0);
  expect(created.stdout).toContain('Using the embedded PostgreSQL of the server already running');
  expect(`${created.stdout}${created.stderr}`).not.toContain('Stopping a PostgreSQL');

  // The server never lost its database.
  const ready = await fetch(`${BASE}/api/ready`).catch((error: unknown) => {
    throw new Error(`The server did not answer (${String(error)}):\n${output}`);
  });
  expect(ready.status, output).toBe(200);
  expect(server.exitCode).toBeNull();

  const page = await (await browser.newContext({ baseURL: BASE })).newPage();
  await page.goto('/login');
  await page.getByLabel('Email').fill(ADMIN.email);
  await page.getByLabel('Password').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(/\/newsroom$/);
  await expect(page.getByRole('group', { name: 'Signed in as' })).toContainText(ADMIN.name);
});
