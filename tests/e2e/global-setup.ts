import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { startScratchPostgres } from '../../scripts/lib/scratch-postgres';
import { BASE_URL, E2E_PORT } from '../../playwright.config';

// A fresh database (embedded unless DATABASE_URL is set), migrated and seeded with the demo
// newsroom, and `next start` serving the production build against it.

async function waitForServer(url: string, server: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}; see test-results/next-server.log`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs / 1000}s`);
}

export default async function globalSetup() {
  const database = `masthead_e2e_${Date.now().toString(36)}`;
  let adminUrl: string;
  let stopPostgres = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString();
  } else {
    const pg = await startScratchPostgres(55434);
    adminUrl = pg.adminUrl;
    stopPostgres = pg.stop;
  }
  await ensureDatabase(adminUrl, database);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  // Exactly what `npm run db:seed` does: migrate, then seed the demo newsroom.
  const seeded = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/db.ts', 'seed'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`Seeding the e2e database failed:\n${seeded.stdout}${seeded.stderr}`);

  mkdirSync('test-results', { recursive: true });
  const log = openSync(path.join('test-results', 'next-server.log'), 'w');
  const server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '--port', String(E2E_PORT), '--hostname', '127.0.0.1'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      MASTHEAD_MEDIA_DIR: mkdtempSync(path.join(os.tmpdir(), 'masthead-e2e-media-')),
    },
  });
  await waitForServer(`${BASE_URL}/login`, server);

  // Tests read and arrange data directly through this URL (fixtures), never through the app's client.
  process.env.E2E_DATABASE_URL = databaseUrl;

  return async () => {
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
    await dropDatabase(adminUrl, database).catch(() => {});
    await stopPostgres();
  };
}
