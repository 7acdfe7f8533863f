import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';

// The embedded PostgreSQL that `npm start` and `npm run dev` run on. This test process plays the
// running server (it started the cluster and stays alive); the commands a newsroom runs beside it
// (`npm run user:create` here) must use that cluster and leave it running. Each cluster has a
// password of its own, kept beside it and readable by its owner alone.

const root = mkdtempSync(path.join(os.tmpdir(), 'masthead-embedded-'));
const dataDir = path.join(root, 'postgres');
let server: RunningPostgres;

const pidOf = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
const portOf = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[3]);
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function connects(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

beforeAll(async () => {
  chmodSync(root, 0o755); // PostgreSQL runs as its own user when we are root
  server = await startEmbeddedPostgres({ dataDir, port: 55481, persistent: true });
  await ensureDatabase(server.adminUrl, 'masthead');
  migrateDeploy(server.urlFor('masthead'), true);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('the embedded PostgreSQL', () => {
  it('has a random password kept beside it (0600); the old fixed one does not work', async () => {
    const file = `${dataDir}.password`;
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8').trim()).toMatch(/^[\w-]{32}$/);
    expect(await connects(server.adminUrl)).toBe(true);
    expect(await connects(`postgresql://masthead:masthead-local@127.0.0.1:${portOf()}/postgres`)).toBe(false);
  });

  it('is used, not stopped, by `npm run user:create` while the server that started it runs', { timeout: 120_000 }, async () => {
    const pid = pidOf();
    const child = spawnSync('npm', ['run', 'user:create', '--', '--email', 'first-admin@example.org', '--name', 'Dana Whitfield', '--role', 'ADMIN'], {
      env: { ...process.env, DATABASE_URL: '', MASTHEAD_DATA_DIR: root, MASTHEAD_PASSWORD: 'harbour lights over slate roofs' },
      encoding: 'utf8',
      timeout: 110_000,
    });
    expect(child.status, `${child.stdout}\n${child.stderr}`).toBe(0);
    expect(child.stdout).toContain('Using the embedded PostgreSQL of the server already running');
    expect(child.stdout).not.toContain('Stopping a PostgreSQL');
    expect(alive(pid)).toBe(true);
    expect(pidOf()).toBe(pid);
    const client = new pg.Client({ connectionString: server.urlFor('masthead') });
    await client.connect();
    try {
      expect((await client.query(`SELECT role FROM "User" WHERE email = 'first-admin@example.org'`)).rows).toEqual([{ role: 'ADMIN' }]);
    } finally {
      await client.end();
    }
  });

  it('is stopped and started again by a new start when the process that started it is gone', { timeout: 120_000 }, async () => {
    const pid = pidOf();
    writeFileSync(`${dataDir}.owner`, '999999999'); // a starter that no longer exists
    const again = await startEmbeddedPostgres({ dataDir, port: 55481, persistent: true });
    expect(alive(pid)).toBe(false);
    expect(pidOf()).not.toBe(pid);
    expect(readFileSync(`${dataDir}.owner`, 'utf8')).toBe(String(process.pid));
    expect(await connects(again.urlFor('masthead'))).toBe(true);
    server = again;
  });

  it('moves a cluster made with the old fixed password to a password of its own at its next start', { timeout: 120_000 }, async () => {
    const client = new pg.Client({ connectionString: server.adminUrl });
    await client.connect();
    await client.query(`ALTER ROLE masthead PASSWORD 'masthead-local'`);
    await client.end();
    await server.stop();
    rmSync(`${dataDir}.password`);
    server = await startEmbeddedPostgres({ dataDir, port: 55481, persistent: true });
    expect(existsSync(`${dataDir}.password`)).toBe(true);
    expect(await connects(server.adminUrl)).toBe(true);
    expect(await connects(`postgresql://masthead:masthead-local@127.0.0.1:${portOf()}/postgres`)).toBe(false);
  });
});
