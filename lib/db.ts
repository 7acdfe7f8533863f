import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { isUnreachable, markDatabaseDown, markDatabaseUp } from '@/lib/db-availability';

// One client and one pool per process; Next's dev server re-evaluates modules, so keep them on
// globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: Db; pool?: pg.Pool };

/**
 * The connection pool, watched: each query and connection tells lib/db-availability whether the
 * database answered. A database that is down or hanging fails a request within seconds instead of
 * holding it: connecting gives up after 3 s, a query after 4 s of silence, a statement on the
 * server after 15 s. (Password hashes never leave the data layer unless a query asks for them.)
 * Each session may use 32 MB where PostgreSQL's default is 4 MB: a search over every month of a
 * common word (lib/data/search-window.ts) gathers over 100,000 stories of a million in a bitmap,
 * which at 4 MB keeps whole pages instead of stories and has every story on them tested again
 * (8 s instead of 0.5 s).
 */
function watchedPool(url: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    connectionTimeoutMillis: 3_000,
    query_timeout: 4_000,
    statement_timeout: 15_000,
    options: '-c work_mem=32MB',
  });
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

/**
 * The process's connections for queries: Prisma's, and the rate limits' (lib/data/rate-limits.ts,
 * which bounds its own waits at half a second). The other connections a process holds have
 * reasons of their own: the cache's LISTEN connection (lib/cache/tagged-cache.ts; LISTEN needs one
 * connection of its own) and pg-boss's pool (lib/jobs/boss.ts; its maintenance statements outlast
 * this pool's four-second query limit).
 */
export function databasePool(): pg.Pool {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Start Masthead with `npm run dev` or `npm start`, which provide it.');
  return (globalForPrisma.pool ??= watchedPool(url));
}

function createClient() {
  return new PrismaClient({ adapter: new PrismaPg(databasePool(), { disposeExternalPool: true }), omit: { user: { passwordHash: true } } });
}

function client(): Db {
  return (globalForPrisma.prisma ??= createClient());
}

// Created on first use, so that `next build` can import the data layer without a database.
export type Db = ReturnType<typeof createClient>;

export const db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(client(), prop),
});
