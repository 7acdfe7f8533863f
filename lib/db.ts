import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { isUnreachable, markDatabaseDown, markDatabaseUp } from '@/lib/db-availability';

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: Db };

/**
 * The connection pool, watched: each query and connection tells lib/db-availability whether the
 * database answered. A database that is down or hanging fails a request within seconds instead of
 * holding it: connecting gives up after 3 s, a query after 4 s of silence, a statement on the
 * server after 15 s. (Password hashes never leave the data layer unless a query asks for them.)
 */
function watchedPool(url: string): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, connectionTimeoutMillis: 3_000, query_timeout: 4_000, statement_timeout: 15_000 });
  const observe = <T>(work: Promise<T>) => {
    work.then(markDatabaseUp, (error: unknown) => {
      if (isUnreachable(error)) markDatabaseDown();
    });
    return work;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((...args: unknown[]) => {
    const result = query(...args);
    return result instanceof Promise ? observe(result) : result;
  }) as typeof pool.query;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => unknown;
  pool.connect = ((...args: unknown[]) => {
    const result = connect(...args);
    return result instanceof Promise ? observe(result) : result;
  }) as typeof pool.connect;
  pool.on('error', (error) => {
    if (isUnreachable(error)) markDatabaseDown();
  });
  return pool;
}

function createClient() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Start Masthead with `npm run dev` or `npm start`, which provide it.');
  return new PrismaClient({ adapter: new PrismaPg(watchedPool(url), { disposeExternalPool: true }), omit: { user: { passwordHash: true } } });
}

function client(): Db {
  return (globalForPrisma.prisma ??= createClient());
}

// Created on first use, so that `next build` can import the data layer without a database.
export type Db = ReturnType<typeof createClient>;

export const db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(client(), prop),
});
