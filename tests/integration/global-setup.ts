import type { TestProject } from 'vitest/node';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';
import { startScratchPostgres } from '../../scripts/lib/scratch-postgres';

// A fresh database for every run: on the server named by DATABASE_URL if set, else on a throwaway
// embedded PostgreSQL. Migrations are applied exactly as `npm run db:migrate` applies them.

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    adminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  const runId = `masthead_test_${Date.now().toString(36)}_${process.pid}`;
  let adminUrl: string;
  let stopServer = async () => {};
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    adminUrl = url.toString();
  } else {
    const server = await startScratchPostgres(55433);
    adminUrl = server.adminUrl;
    stopServer = server.stop;
  }
  await ensureDatabase(adminUrl, runId);
  const databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${runId}` }).toString();
  migrateDeploy(databaseUrl, true);

  project.provide('databaseUrl', databaseUrl);
  project.provide('adminUrl', adminUrl);

  return async () => {
    await dropDatabase(adminUrl, runId);
    await stopServer();
  };
}
