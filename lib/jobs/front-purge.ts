import 'server-only';
import { env } from '@/lib/env';
import { boss } from './boss';
import { xkeyHeader } from '@/lib/cache/front-keys';

// Purges of the cache fronts (MASTHEAD_FRONT_URLS), as durable jobs: one per front and change,
// retried every two seconds for a day until that front confirms, so a front that is restarting or
// briefly unreachable still gets every purge. This is the only code that purges.

const QUEUE = 'purge-front';
type Purge = { front: string; keys: string[] };

export async function enqueueFrontPurge(keys: string[]): Promise<void> {
  const fronts = env().MASTHEAD_FRONT_URLS;
  if (fronts.length === 0 || keys.length === 0) return;
  const queue = await boss();
  await queue.createQueue(QUEUE);
  for (const front of fronts) {
    await queue.send(QUEUE, { front, keys } satisfies Purge, { retryLimit: 43_200, retryDelay: 2, expireInSeconds: 30 });
  }
}

async function purge(front: string, keys: string[]): Promise<void> {
  const response = await fetch(front, { method: 'PURGE', headers: { 'xkey-purge': xkeyHeader(keys) }, signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`The front at ${front} answered ${response.status} to a purge.`);
}

export async function startFrontPurging(): Promise<void> {
  if (env().MASTHEAD_FRONT_URLS.length === 0) return;
  const queue = await boss();
  await queue.createQueue(QUEUE);
  await queue.work<Purge>(QUEUE, { pollingIntervalSeconds: 0.5, batchSize: 20 }, async (jobs) => {
    // Jobs for one front are merged into one request. If any front fails, the batch is retried;
    // a purge repeated on a front that already took it is harmless.
    const byFront = new Map<string, Set<string>>();
    for (const job of jobs) {
      const keys = byFront.get(job.data.front) ?? new Set<string>();
      for (const key of job.data.keys) keys.add(key);
      byFront.set(job.data.front, keys);
    }
    await Promise.all([...byFront].map(([front, keys]) => purge(front, [...keys])));
  });
}
