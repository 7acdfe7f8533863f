import 'server-only';
import { db } from '@/lib/db';
import { boss } from '@/lib/jobs/boss';
import { log } from '@/lib/log';

// What a load balancer asks before sending readers here: does the database answer, does the job
// queue? Each check gets two seconds; a hanging database is "not ready", not a hanging request.

const TIMEOUT_MS = 2000;

function within<T>(work: Promise<T>): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref())]);
}

// Anyone may ask, so the answer names which dependency failed and nothing of why (the log has it).
export type Readiness = { ready: boolean; database: 'ok' | 'unreachable'; queue: 'ok' | 'unreachable' };

const verdict = (what: string) => ({
  ok: () => 'ok' as const,
  failed: (error: unknown) => {
    log.warn({ err: error }, `[ready] ${what} did not answer`);
    return 'unreachable' as const;
  },
});

export async function checkReadiness(): Promise<Readiness> {
  const [database, queue] = await Promise.all([
    within(db.$queryRaw`SELECT 1`).then(verdict('the database').ok, verdict('the database').failed),
    within(boss().then((queue) => queue.getDb().executeSql('SELECT 1', []))).then(verdict('the job queue').ok, verdict('the job queue').failed),
  ]);
  return { ready: database === 'ok' && queue === 'ok', database, queue };
}
