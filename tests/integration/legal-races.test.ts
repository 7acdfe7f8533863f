import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { setEmbargo, setLegalHold } from '@/lib/data/holds';
import { publishScheduledStory } from '@/lib/data/scheduled';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { transitionStory } from '@/lib/data/workflow';
import { stopBoss } from '@/lib/jobs/boss';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { saturateCpu } from '../support/busy-cpu';
import { makeUser, storyFields } from './helpers';

// A legal hold or an embargo set at the same moment as Publish (or as the scheduler's
// publication) must win or come strictly after: never may a story be published while held or
// before its embargo. Each race runs many rounds with every core busy, since an idle machine
// hides the interleavings that lose. A trigger of the test's own records every write that makes a
// story PUBLISHED while the row it writes is held or embargoed: the moment the rule is about,
// in commit order, whatever the clocks of the two transactions said.

let editor: Viewer;
let lawyer: Viewer;
let sectionId: string;
const ROUNDS = 200;
const made: string[] = [];

beforeAll(async () => {
  editor = await makeUser('EDITOR');
  lawyer = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'politics' }, update: {}, create: { name: 'Politics', slug: 'politics' } })).id;
  await db.$executeRawUnsafe(`CREATE TABLE IF NOT EXISTS "RaceViolation" ("storyId" TEXT NOT NULL, "why" TEXT NOT NULL)`);
  await db.$executeRawUnsafe(`CREATE OR REPLACE FUNCTION "race_watch"() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW."status" = 'PUBLISHED' AND OLD."status" <> 'PUBLISHED' THEN
        IF NEW."legalHold" THEN INSERT INTO "RaceViolation" VALUES (NEW."id", 'published while on legal hold'); END IF;
        IF NEW."embargoUntil" > NEW."publishedAt" THEN INSERT INTO "RaceViolation" VALUES (NEW."id", 'published before its embargo'); END IF;
      END IF;
      RETURN NEW;
    END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER "race_watch" BEFORE UPDATE ON "Story" FOR EACH ROW EXECUTE FUNCTION "race_watch"()`);
});
afterAll(async () => {
  // Six hundred stories, most of them published: other files read the newest from the demo newsroom.
  await db.story.deleteMany({ where: { id: { in: made } } });
  await db.$executeRawUnsafe(`DROP TRIGGER IF EXISTS "race_watch" ON "Story"`);
  await db.$executeRawUnsafe(`DROP FUNCTION IF EXISTS "race_watch"()`);
  await db.$executeRawUnsafe(`DROP TABLE IF EXISTS "RaceViolation"`);
  await stopBoss();
});

const violations = (ids: string[]) => db.$queryRaw<{ storyId: string; why: string }[]>`SELECT * FROM "RaceViolation" WHERE "storyId" = ANY(${ids})`;

async function approvedStories(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const { id } = await createStory(editor, storyFields([editor.id], { sectionId, body: docFromPlainText('The council met on Tuesday.') }));
    ids.push(id);
  }
  await db.story.updateMany({ where: { id: { in: ids } }, data: { status: 'APPROVED' } });
  made.push(...ids);
  return ids;
}

const settled = (p: Promise<unknown>) => p.then(() => true, () => false);
// Each round starts the hold (or embargo) after a random delay, so that over the rounds it lands
// before, during and after every statement of the publication.
const jittered = <T>(work: () => Promise<T>) => new Promise<T>((resolve, reject) => setTimeout(() => work().then(resolve, reject), Math.random() * 40));

/** Runs `work` over every story, a few at a time, with both cores saturated. */
async function raceAll(ids: string[], work: (id: string) => Promise<void>) {
  const stop = saturateCpu();
  try {
    for (let i = 0; i < ids.length; i += 8) await Promise.all(ids.slice(i, i + 8).map(work));
  } finally {
    await stop();
  }
}

describe('gates inside the write', () => {
  it(`Publish against Put on legal hold, ${ROUNDS} times: a published story was never held when it was published`, { timeout: 600_000 }, async () => {
    const ids = await approvedStories(ROUNDS);
    const outcomes = { published: 0, refused: 0 };
    await raceAll(ids, async (id) => {
      const { version } = await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } });
      const [published] = await Promise.all([
        settled(transitionStory(editor, id, 'publish', { baseVersion: version })),
        jittered(() => setLegalHold(lawyer, id, { hold: true, reason: 'Counsel reviewing' })),
      ]);
      outcomes[published ? 'published' : 'refused'] += 1;
    });
    expect(await violations(ids)).toEqual([]);
    const rows = await db.story.findMany({ where: { id: { in: ids } }, select: { status: true, legalHold: true } });
    for (const row of rows) {
      expect(row.legalHold).toBe(true);
      expect(['PUBLISHED', 'APPROVED']).toContain(row.status);
    }
    expect(outcomes.published + outcomes.refused).toBe(ROUNDS);
  });

  it(`Publish against Set embargo, ${ROUNDS} times: never published before the embargo`, { timeout: 600_000 }, async () => {
    const ids = await approvedStories(ROUNDS);
    const until = new Date(Date.now() + 86_400_000);
    await raceAll(ids, async (id) => {
      const { version } = await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } });
      await Promise.all([settled(transitionStory(editor, id, 'publish', { baseVersion: version })), settled(jittered(() => setEmbargo(lawyer, id, until)))]);
    });
    expect(await violations(ids)).toEqual([]);
    const rows = await db.story.findMany({ where: { id: { in: ids } }, select: { status: true, embargoUntil: true, publishedAt: true } });
    for (const row of rows) {
      if (row.status === 'PUBLISHED') expect(row.embargoUntil === null || row.embargoUntil <= row.publishedAt!).toBe(true);
      else expect(row.embargoUntil).toEqual(until);
    }
  });

  it(`the scheduler against Put on legal hold, ${ROUNDS} times: a due story is never published while held`, { timeout: 600_000 }, async () => {
    const ids = await approvedStories(ROUNDS);
    const scheduledAt = new Date(Date.now() - 1000);
    await db.story.updateMany({ where: { id: { in: ids } }, data: { status: 'SCHEDULED', scheduledAt } });
    await raceAll(ids, async (id) => {
      await Promise.all([
        publishScheduledStory({ storyId: id, scheduledAt: scheduledAt.toISOString(), scheduledById: editor.id }),
        jittered(() => setLegalHold(lawyer, id, { hold: true, reason: 'Counsel reviewing' })),
      ]);
    });
    expect(await violations(ids)).toEqual([]);
    const rows = await db.story.findMany({ where: { id: { in: ids } }, select: { status: true, legalHold: true } });
    for (const row of rows) {
      expect(row.legalHold).toBe(true);
      expect(['PUBLISHED', 'SCHEDULED']).toContain(row.status);
    }
  });

  it('the scheduler refuses a due story whose embargo is later than now', async () => {
    const [id] = await approvedStories(1);
    const scheduledAt = new Date(Date.now() - 1000);
    await db.story.update({ where: { id }, data: { status: 'SCHEDULED', scheduledAt, embargoUntil: new Date(Date.now() + 3_600_000) } });
    expect(await publishScheduledStory({ storyId: id!, scheduledAt: scheduledAt.toISOString(), scheduledById: editor.id })).toBe(false);
    expect((await db.story.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('SCHEDULED');
  });

  it('lifting a hold on an overdue scheduled story publishes it at the time it happens, not backdated', async () => {
    const [id] = await approvedStories(1);
    const scheduledAt = new Date(Date.now() - 3_600_000);
    await db.story.update({ where: { id }, data: { status: 'SCHEDULED', scheduledAt } });
    await setLegalHold(lawyer, id!, { hold: true, reason: 'Counsel reviewing' });
    await db.auditEvent.create({ data: { actorId: editor.id, action: 'story.schedule', entityType: 'story', entityId: id!, storyId: id! } });
    expect(await publishScheduledStory({ storyId: id!, scheduledAt: scheduledAt.toISOString(), scheduledById: editor.id })).toBe(false);
    const lifted = Date.now();
    await setLegalHold(lawyer, id!, { hold: false, reason: '' });
    const row = await db.story.findUniqueOrThrow({ where: { id }, select: { status: true, publishedAt: true } });
    expect(row.status).toBe('PUBLISHED');
    expect(row.publishedAt!.getTime()).toBeGreaterThanOrEqual(lifted - 1000);
  });

  it('the copy-desk gate refuses a body that does not parse instead of passing it', async () => {
    const [id] = await approvedStories(1);
    await db.story.update({ where: { id }, data: { body: { type: 'doc', content: [{ type: 'script', text: 'x' }] } } });
    const { version } = await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } });
    await expect(transitionStory(editor, id!, 'publish', { baseVersion: version })).rejects.toThrow(/cannot be read/);
    expect((await db.story.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe('APPROVED');
  });
});
