import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase } from './postgres';
import { startScratchPostgres } from './scratch-postgres';

// A production server (`next start`) on a fresh, migrated and seeded database, for the e2e tests
// and the benchmarks. Uses the server at DATABASE_URL if set, else a throwaway embedded PostgreSQL.

export type AppServer = { baseUrl: string; databaseUrl: string; stop: () => Promise<void> };

async function waitForServer(url: string, server: ChildProcess, logFile: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`next start exited with code ${server.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`next start did not answer ${url} within ${timeoutMs / 1000}s`);
}

export async function startAppServer(options: {
  port: number;
  pgPort: number;
  name: string;
  logFile: string;
  /** Lets the bench route the app's connections through a relay that counts statements. */
  appDatabaseUrl?: (databaseUrl: string) => Promise<string>;
}): Promise<AppServer> {
  const database = `masthead_${options.name}_${Date.now().toString(36)}`;
  let adminUrl: string;
  let stopPostgres = async () => {};
  if (process.env.DATABASE_URL) {
    adminUrl = Object.assign(new URL(process.env.DATABASE_URL), { pathname: '/postgres' }).toString();
  } else {
    const pg = await startScratchPostgres(options.pgPort);
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
  if (seeded.status !== 0) throw new Error(`Seeding the database failed:\n${seeded.stdout}${seeded.stderr}`);

  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'));
  const log = openSync(options.logFile, 'w');
  const server = spawn(path.join('node_modules', '.bin', 'next'), ['start', '--port', String(options.port), '--hostname', '127.0.0.1'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.appDatabaseUrl ? await options.appDatabaseUrl(databaseUrl) : databaseUrl,
      AUTH_SECRET: randomBytes(32).toString('base64url'),
      MASTHEAD_MEDIA_DIR: mediaDir,
    },
  });
  const baseUrl = `http://127.0.0.1:${options.port}`;
  await waitForServer(`${baseUrl}/login`, server, options.logFile);

  return {
    baseUrl,
    databaseUrl,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      await dropDatabase(adminUrl, database).catch(() => {});
      await stopPostgres();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
