import 'server-only';
import { db } from '@/lib/db';
import { boss } from '@/lib/jobs/boss';

// What a load balancer asks before sending readers here: does the database answer, does the job
// queue? Each check gets two seconds; a hanging database is "not ready", not a hanging request.

const TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref())]);
}

export type Readiness = { ready: boolean; database: 'ok' | string; queue: 'ok' | string };

export async function checkReadiness(): Promise<Readiness> {
  const [database, queue] = await Promise.all([
    within(db.$queryRaw`SELECT 1`).then(
      () => 'ok',
      (error: unknown) => `unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ),
    within(boss().then((queue) => queue.getDb().executeSql('SELECT 1', []))).then(
      () => 'ok',
      (error: unknown) => `unreachable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    ),
  ]);
  return { ready: database === 'ok' && queue === 'ok', database, queue };
}
