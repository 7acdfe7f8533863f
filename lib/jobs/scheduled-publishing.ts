import 'server-only';
import { listDueScheduledStories, publishScheduledStory, type ScheduledPublication } from '@/lib/data/scheduled';
import { publishDueFrontVersions } from '@/lib/data/front-schedule';
import { boss } from './boss';

const QUEUE = 'publish-scheduled';
const SWEEP = 'sweep-scheduled';
const FRONT = 'publish-front';

/** Queues the publication; the job wakes at the scheduled time. */
export async function enqueueScheduledPublication(job: ScheduledPublication): Promise<void> {
  const queue = await boss();
  await queue.createQueue(QUEUE);
  await queue.sendAfter(QUEUE, job, { retryLimit: 5, retryDelay: 5 }, new Date(job.scheduledAt));
}

/** Wakes the worker when a scheduled front page version is due (the sweep catches any it misses). */
export async function enqueueFrontPublication(at: Date): Promise<void> {
  const queue = await boss();
  await queue.createQueue(FRONT);
  await queue.sendAfter(FRONT, {}, { retryLimit: 5, retryDelay: 5 }, at);
}

/**
 * Cancels queued publications of a story (after a reschedule, unschedule or manual publish). pg-boss
 * finds jobs only by id, so this reads its job table (`pgboss.job`: name, state, data) as pg-boss
 * 10.4 lays it out; package.json pins that version, and integration `scheduling.test.ts` ("a
 * reschedule cancels the old job") reads the same table and fails if an upgrade changes it. A job
 * that escapes cancelling does nothing: the worker publishes only the schedule that stands.
 */
export async function cancelScheduledPublication(storyId: string): Promise<void> {
  const queue = await boss();
  await queue.createQueue(QUEUE);
  const { rows } = await queue.getDb().executeSql(
    `SELECT id FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry') AND data->>'storyId' = $2`,
    [QUEUE, storyId],
  );
  if (rows.length > 0) await queue.cancel(QUEUE, rows.map((r: { id: string }) => r.id));
}

/**
 * Starts the workers. A story that came due while no app was running is published by the catch-up
 * sweep at start and then every minute (which also covers a job lost between commit and send).
 */
export async function startScheduledPublishing(): Promise<void> {
  const queue = await boss();
  await queue.createQueue(QUEUE);
  await queue.createQueue(SWEEP);
  await queue.createQueue(FRONT);
  await queue.work(FRONT, { pollingIntervalSeconds: 1 }, async () => {
    await publishDueFrontVersions();
  });
  await queue.work<ScheduledPublication>(QUEUE, { pollingIntervalSeconds: 1, batchSize: 5 }, async (jobs) => {
    for (const job of jobs) await publishScheduledStory(job.data);
  });
  await queue.work(SWEEP, { pollingIntervalSeconds: 5 }, async () => {
    for (const due of await listDueScheduledStories()) await publishScheduledStory(due);
    await publishDueFrontVersions();
  });
  await queue.schedule(SWEEP, '* * * * *');
  await queue.send(SWEEP, {});
}
