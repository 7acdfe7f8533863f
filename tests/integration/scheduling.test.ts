import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import PgBoss from 'pg-boss';
import { publishScheduledStory, type ScheduledPublication } from '@/lib/data/scheduled';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { transitionStory } from '@/lib/data/workflow';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { stopBoss } from '@/lib/jobs/boss';
import { startScheduledPublishing } from '@/lib/jobs/scheduled-publishing';
import { makeUser, storyFields } from './helpers';

let editor: Viewer;
let sectionId: string;

beforeAll(async () => {
  editor = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'business' }, update: {}, create: { name: 'Business', slug: 'business' } })).id;
});
afterAll(stopBoss);

async function approvedStory() {
  const { id } = await createStory(editor, storyFields([editor.id], { sectionId, body: docFromPlainText('Embargoed until the minister speaks.') }));
  await db.story.update({ where: { id }, data: { status: 'APPROVED' } });
  return id;
}

const row = (id: string) => db.story.findUniqueOrThrow({ where: { id }, select: { status: true, version: true, publishedAt: true, statusChangedAt: true, scheduledAt: true } });

async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 200));
  }
}

const jobStates = async (id: string) =>
  (await db.$queryRaw<{ state: string }[]>`SELECT state FROM pgboss.job WHERE name = 'publish-scheduled' AND data->>'storyId' = ${id}`).map((j) => j.state);

describe('scheduled publishing', () => {
  it('publishes a story within 5 s of its time, and is invisible to readers before', async () => {
    await startScheduledPublishing();
    const id = await approvedStory();
    const at = new Date(Date.now() + 8000);
    await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: at });
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', scheduledAt: at, publishedAt: null });
    const published = await waitFor(async () => {
      const r = await row(id);
      return r.status === 'PUBLISHED' ? r : null;
    }, 20_000);
    expect(published.publishedAt).toEqual(at);
    expect(published.statusChangedAt.getTime() - at.getTime()).toBeLessThan(5000);
    expect(published.statusChangedAt.getTime()).toBeGreaterThanOrEqual(at.getTime() - 1000);
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'story.publishScheduled' } })).toBe(1);
  }, 30_000);

  it('a reschedule cancels the old job: nothing happens at the old time', async () => {
    const id = await approvedStory();
    const soon = new Date(Date.now() + 6000);
    await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: soon });
    const later = new Date(Date.now() + 3_600_000);
    await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: later });
    const jobs = await db.$queryRaw<{ state: string }[]>`SELECT state FROM pgboss.job WHERE name = 'publish-scheduled' AND data->>'storyId' = ${id} ORDER BY created_on`;
    expect(jobs.map((j) => j.state)).toEqual(['cancelled', 'created']);
    // Even if the old job ran anyway once its time came, it would find a different time and do nothing.
    await db.story.update({ where: { id }, data: { scheduledAt: later } });
    expect(await publishScheduledStory({ storyId: id, scheduledAt: new Date(Date.now() - 1000).toISOString(), scheduledById: editor.id })).toBe(false);
    expect(await row(id)).toMatchObject({ status: 'SCHEDULED', scheduledAt: later });
    // Nor, on legal hold, does it tell anyone a publication is held: none was due.
    await db.story.update({ where: { id }, data: { legalHold: true } });
    expect(await publishScheduledStory({ storyId: id, scheduledAt: new Date(Date.now() - 1000).toISOString(), scheduledById: editor.id })).toBe(false);
    expect(await db.notification.count({ where: { storyId: id, kind: 'heldPublication' } })).toBe(0);
    await db.story.update({ where: { id }, data: { legalHold: false } });
    await transitionStory(editor, id, 'unschedule', { baseVersion: (await row(id)).version });
    expect(await row(id)).toMatchObject({ status: 'APPROVED', scheduledAt: null });
    const after = await db.$queryRaw<{ state: string }[]>`SELECT state FROM pgboss.job WHERE name = 'publish-scheduled' AND data->>'storyId' = ${id}`;
    expect(after.every((j) => j.state === 'cancelled')).toBe(true);
  }, 30_000);

  it('a story that came due while no app was running publishes at the next start, once', async () => {
    await stopBoss(); // the "app" is down: no workers
    const id = await approvedStory();
    await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: new Date(Date.now() + 60_000) });
    await stopBoss();
    // The time passes while nothing runs: the story and its queued job both come due.
    const at = new Date(Date.now() - 2000);
    await db.story.update({ where: { id }, data: { scheduledAt: at } });
    await db.$executeRaw`UPDATE pgboss.job SET start_after = now() - interval '2 seconds', data = jsonb_set(data, '{scheduledAt}', to_jsonb(${at.toISOString()}::text)) WHERE name = 'publish-scheduled' AND data->>'storyId' = ${id}`;
    expect((await row(id)).status).toBe('SCHEDULED');
    await startScheduledPublishing(); // the app starts again: the sweep and the job both see it due
    await waitFor(async () => (await row(id)).status === 'PUBLISHED', 15_000);
    await waitFor(async () => { const states = await jobStates(id); return states.length > 0 && states.every((s) => s === 'completed'); }, 15_000);
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'story.publishScheduled' } })).toBe(1);
  }, 40_000);

  it('publishes once with two app instances running workers', async () => {
    await startScheduledPublishing(); // instance one (this process's queue client)
    // Instance two: an independent pg-boss client with its own worker, as another server would have.
    const second = new PgBoss({ connectionString: process.env.DATABASE_URL! });
    await second.start();
    await second.work<ScheduledPublication>('publish-scheduled', { pollingIntervalSeconds: 1 }, async (jobs) => {
      for (const job of jobs) await publishScheduledStory(job.data);
    });
    try {
      const id = await approvedStory();
      const at = new Date(Date.now() + 6000);
      await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: at });
      await waitFor(async () => (await row(id)).status === 'PUBLISHED', 15_000);
      // The job has run to its end on whichever instance took it: any second publication would be in.
      await waitFor(async () => { const states = await jobStates(id); return states.length > 0 && states.every((s) => s === 'completed'); }, 15_000);
      expect(await db.auditEvent.count({ where: { storyId: id, action: 'story.publishScheduled' } })).toBe(1);
      expect(await db.revision.count({ where: { storyId: id, label: 'Published as scheduled' } })).toBe(1);
    } finally {
      await second.stop({ graceful: true, wait: true });
    }
  }, 40_000);

  it('publishes once however many workers run the same job at the same moment', async () => {
    const id = await approvedStory();
    const at = new Date(Date.now() + 6000);
    await transitionStory(editor, id, 'schedule', { baseVersion: (await row(id)).version, publishAt: at });
    await stopBoss();
    await db.story.update({ where: { id }, data: { scheduledAt: new Date(Date.now() - 1000) } });
    const { scheduledAt } = await row(id);
    const job = { storyId: id, scheduledAt: scheduledAt!.toISOString(), scheduledById: editor.id };
    const results = await Promise.all(Array.from({ length: 6 }, () => publishScheduledStory(job)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await row(id)).status).toBe('PUBLISHED');
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'story.publishScheduled' } })).toBe(1);
  });
});
