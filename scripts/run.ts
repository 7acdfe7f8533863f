import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { EnvError, parseEnv } from '@/lib/env';
import { db } from '@/lib/db';
import { hasAnyAccount } from '@/lib/data/users';
import { seedDemoNewsroom } from '@/prisma/seed';
import { openDatabase } from './lib/database';
import { findFreePort } from './lib/ports';
import { ensureDevAuthSecret, loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run dev` and `npm start`: bring up the database (embedded unless DATABASE_URL is set),
// migrate, then run the server (scripts/server.ts). Ctrl-C stops it and then PostgreSQL.
// The demo newsroom, whose passwords are published, is seeded only by `npm run dev` into a
// database with nobody in it, or by `npm start` when MASTHEAD_DEMO=1 asks for it.

const arg = process.argv[2];
if (arg !== 'dev' && arg !== 'start') {
  console.error('Usage: tsx scripts/run.ts dev|start');
  process.exit(2);
}
const mode: 'dev' | 'start' = arg;
const dev = mode === 'dev';
const log = (msg: string) => console.log(`[masthead] ${msg}`);

function fail(message: string): never {
  console.error(`\n[masthead] ${message}\n`);
  process.exit(1);
}

// In development a busy port just moves the newsroom to the next free one; in production the port
// is part of the deployment, so a busy one is an error.
async function choosePort(wanted: number): Promise<number> {
  const port = await findFreePort(wanted);
  if (port === wanted) return port;
  if (!dev) throw new Error(`Port ${wanted} is already in use. Stop whatever is using it, or set PORT to another port.`);
  log(`Port ${wanted} is already in use; the newsroom runs on http://localhost:${port} instead.`);
  return port;
}

async function main() {
  loadProjectEnv(dev);
  const nodeEnv = dev ? 'development' : 'production';
  const dataDir = process.env.MASTHEAD_DATA_DIR || '.data';
  if (dev) ensureDevAuthSecret(dataDir);

  let env;
  try {
    env = parseEnv({ ...process.env, NODE_ENV: nodeEnv });
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
  if (!dev && !existsSync(path.join('.next', 'BUILD_ID'))) {
    fail('There is no production build yet: run `npm run build` first, then `npm start`.');
  }

  // PostgreSQL is stopped here, after the server (see shutdown below), not by its own Ctrl-C handler.
  const database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log, stopOnSignals: false }).catch(
    (error: Error) => fail(error.message),
  );
  process.env.DATABASE_URL = database.url;
  log(database.embedded ? `Embedded PostgreSQL is running (${env.MASTHEAD_DATA_DIR}/postgres).` : 'Using the PostgreSQL server at DATABASE_URL.');

  try {
    migrateDeploy(database.url, true);
    const empty = !(await hasAnyAccount());
    if (dev && empty) {
      await seedDemoNewsroom(db, log);
    } else if (!dev && env.MASTHEAD_DEMO === '1') {
      log('MASTHEAD_DEMO=1: seeding the demo newsroom. Its accounts share a published password; never do this on a server others can reach.');
      await seedDemoNewsroom(db, log);
    } else if (empty) {
      log('This newsroom has no accounts yet. Create the first admin with:');
      log('  npm run user:create -- --email you@example.com --name "Your Name" --role ADMIN');
    }
    await db.$disconnect();
  } catch (error) {
    await database.stop();
    fail(error instanceof Error ? error.message : String(error));
  }

  const port = await choosePort(env.PORT).catch(async (error: Error) => {
    await database.stop();
    return fail(error.message);
  });
  // Node itself (with tsx as a loader), not the tsx command: a wrapper process could exit on Ctrl-C
  // before the server has stopped, and PostgreSQL must outlive the server.
  const next = spawn(process.execPath, ['--import', 'tsx', 'scripts/server.ts', mode, '--port', String(port)], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: nodeEnv, DATABASE_URL: database.url, MASTHEAD_PARENT_PID: String(process.pid) },
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill(signal);
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));

  next.on('exit', async (code, signal) => {
    await database.stop();
    if (database.embedded) log('PostgreSQL stopped.');
    process.exit(code ?? (signal ? 0 : 1));
  });
}

main().catch((error) => fail(error instanceof Error ? error.message : String(error)));
