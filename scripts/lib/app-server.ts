import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, ensureDatabase } from './postgres';
import { startScratchPostgres } from './scratch-postgres';

// A production server (scripts/server.ts in front of the `next build` output, as `npm start` runs
// it) on a fresh, migrated and seeded database, for the e2e tests and the benchmarks. Uses the
// server at DATABASE_URL if set, else a throwaway embedded PostgreSQL.

export type AppServer = { baseUrl: string; databaseUrl: string; /** The server's process (the bench reads its memory). */ pid: number; stop: () => Promise<void> };

async function waitForServer(url: string, server: ChildProcess, logFile: string, timeoutMs = 150_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`The server exited with code ${server.exitCode}; see ${logFile}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`The server did not answer ${url} within ${timeoutMs / 1000}s`);
}

export async function startAppServer(options: {
  port: number;
  pgPort: number;
  name: string;
  logFile: string;
  /** Lets the bench route the app's connections through a relay that counts statements. */
  appDatabaseUrl?: (databaseUrl: string) => Promise<string>;
  /** Extra environment for the server (rate limits, trusted proxies…). */
  env?: Record<string, string>;
  /** false: an empty database, as a new installation has (no demo newsroom). */
  seed?: boolean;
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
  // Exactly what `npm run db:seed` (or `npm run db:migrate`) does: migrate, then seed the demo newsroom.
  const seeded = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/db.ts', options.seed === false ? 'migrate' : 'seed'], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`Seeding the database failed:\n${seeded.stdout}${seeded.stderr}`);

  const server = await startServerProcess({
    port: options.port,
    databaseUrl: options.appDatabaseUrl ? await options.appDatabaseUrl(databaseUrl) : databaseUrl,
    logFile: options.logFile,
    env: options.env,
  });
  const baseUrl = server.baseUrl;

  return {
    baseUrl,
    databaseUrl,
    pid: server.pid,
    stop: async () => {
      await server.stop();
      await dropDatabase(adminUrl, database).catch(() => {});
      await stopPostgres();
    },
  };
}

/** Whether something already listens on 127.0.0.1:port. */
function portAnswers(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

/**
 * One production server process (scripts/server.ts, as `npm start` runs it) on an existing,
 * migrated database: what startAppServer starts, and what a test of several instances adds.
 */
export async function startServerProcess(options: { port: number; databaseUrl: string; logFile: string; env?: Record<string, string>; authSecret?: string }) {
  // Waiting for the URL to answer would otherwise accept a server already on the port (one that
  // another test file started), and the caller would test that server and its database.
  if (await portAnswers(options.port)) throw new Error(`Port ${options.port} is already in use: another server is listening there.`);
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const mediaDir = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-'));
  const log = openSync(options.logFile, 'w');
  const baseUrl = `http://127.0.0.1:${options.port}`;
  // Node itself rather than the tsx command, which kills a child that is slow to acknowledge a stop.
  // MASTHEAD_CPU_PROFILE_DIR: the server writes a CPU profile there when it stops (to profile a bench).
  const profile = process.env.MASTHEAD_CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.MASTHEAD_CPU_PROFILE_DIR}`] : [];
  const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'scripts/server.ts', 'start', '--port', String(options.port), '--hostname', '127.0.0.1'], {
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
      DATABASE_URL: options.databaseUrl,
      AUTH_SECRET: options.authSecret ?? randomBytes(32).toString('base64url'),
      MASTHEAD_SITE_URL: baseUrl,
      MASTHEAD_MEDIA_DIR: mediaDir,
      // Every test browser comes from 127.0.0.1: the public limits are tested on a server of their own.
      MASTHEAD_SEARCH_RATE_LIMIT: '100000',
      MASTHEAD_API_RATE_LIMIT: '100000',
      ...options.env,
    },
  });
  await waitForServer(`${baseUrl}/login`, server, options.logFile);
  return {
    baseUrl,
    pid: server.pid!,
    stop: async () => {
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode !== null ? r(null) : server.once('exit', r)));
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
