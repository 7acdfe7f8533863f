import 'server-only';
import PgBoss from 'pg-boss';
import { env } from '@/lib/env';
import { log } from '@/lib/log';

// The job queue: pg-boss on the same PostgreSQL, in its own schema. One client per process; the
// workers start with the server (instrumentation.ts), senders only need the client.

const globalForBoss = globalThis as unknown as { boss?: Promise<PgBoss> };

export function boss(): Promise<PgBoss> {
  globalForBoss.boss ??= (async () => {
    const url = env().DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set.');
    // Bounded waits: a frozen database fails the queue's queries instead of holding its workers.
    const instance = new PgBoss({ connectionString: url, max: 4, schedule: true, connectionTimeoutMillis: 5_000, query_timeout: 30_000 } as ConstructorParameters<typeof PgBoss>[0]);
    instance.on('error', (error) => log.error({ err: error }, '[jobs] job queue error'));
    await instance.start();
    return instance;
  })();
  // A start that failed (the database was down) is not kept: the next caller tries again.
  const starting = globalForBoss.boss;
  starting.catch(() => {
    if (globalForBoss.boss === starting) globalForBoss.boss = undefined;
  });
  return globalForBoss.boss;
}

export async function stopBoss(): Promise<void> {
  const current = globalForBoss.boss;
  globalForBoss.boss = undefined;
  if (current) await (await current).stop({ graceful: true, wait: true });
}
