import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { newestMatches, type WindowColumn } from '@/lib/data/search-window';
import { makeUser } from './helpers';

// The newest matches of a search, found by time window (lib/data/search-window.ts): whichever
// stage answers, the result must be exactly the newest `limit` matches a full sort would give,
// and the window must not leak stories from after the anchor.

const DAY = 86_400_000;
const PREFIX = `win${Date.now().toString(36)}`;
let userId = '';
let n = 0;

type Stamped = { id: string; at: Date; changed: Date; published: boolean };

/** A story published `daysAgo` and last changed `changedDaysAgo` (then too, if not given); a draft is unpublished. */
async function story(token: string, daysAgo: number, options: { status?: 'PUBLISHED' | 'DRAFT'; text?: string; changedDaysAgo?: number } = {}): Promise<Stamped> {
  const id = `${PREFIX}s${n++}`;
  const at = new Date(Date.now() - daysAgo * DAY - n * 1000);
  const changed = options.changedDaysAgo === undefined ? at : new Date(Date.now() - options.changedDaysAgo * DAY - n * 1000);
  const text = `A story about ${token}. ${options.text ?? `Text on ${token}.`}`;
  const status = options.status ?? 'PUBLISHED';
  await db.$executeRaw`
    INSERT INTO "Story" (id, headline, slug, body, "plainText", "createdById", "createdAt", "updatedAt", "publishedAt", "status", "searchVector")
    VALUES (${id}, ${`A story about ${token}`}, ${id}, '{"type":"doc","content":[]}'::jsonb, ${text}, ${userId}, ${at}, ${changed}, ${at},
      ${status}::"StoryStatus", to_tsvector('english', ${text}))`;
  return { id, at, changed, published: status === 'PUBLISHED' };
}

async function newest(token: string, limit: number, column: WindowColumn = 'publishedAt', anchor?: Date, parse = 'to_tsquery') {
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH query AS (SELECT ${Prisma.raw(parse === 'websearch' ? 'websearch_to_tsquery' : 'to_tsquery')}('english', ${token}) AS tsq),
    ${newestMatches({ column, limit, words: Prisma.sql`query.tsq`, where: Prisma.sql`s."id" LIKE ${`${PREFIX}%`}`, anchor: anchor ? Prisma.sql`${anchor.toISOString()}::timestamp` : undefined })}
    SELECT "id" FROM candidates ORDER BY "at" DESC, "id" DESC`;
  return rows.map((r) => r.id);
}

/** What a full sort gives: by publication the published stories, by last change every story. */
const newestFirst = (stories: Stamped[], limit: number, column: WindowColumn = 'publishedAt') => {
  const time = (s: Stamped) => (column === 'publishedAt' ? s.at : s.changed).getTime();
  return stories.filter((s) => column === 'updatedAt' || s.published).sort((a, b) => time(b) - time(a)).slice(0, limit).map((s) => s.id);
};

beforeAll(async () => {
  userId = (await makeUser('REPORTER')).id;
});

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Story" WHERE id LIKE ${`${PREFIX}%`}`;
});

describe('the newest matches of a search', () => {
  it('come from the first window when it holds enough (a common word)', async () => {
    const stories = [];
    for (const days of [1, 2, 3, 5, 8, 13, 21, 29, 40, 400]) stories.push(await story(`${PREFIX}common`, days));
    expect(await newest(`${PREFIX}common`, 5)).toEqual(newestFirst(stories, 5));
  });

  it('come from a window sized by the first window’s count when that holds too few', async () => {
    // A few in the first window: five lie within the window that count suggests.
    const stories = [];
    for (const days of [4, 20, 45, 60, 80, 100, 200, 900]) stories.push(await story(`${PREFIX}weekly`, days));
    expect(await newest(`${PREFIX}weekly`, 5)).toEqual(newestFirst(stories, 5));
  });

  it('come from the whole archive for a rare word, and when the window falls short', async () => {
    const rare = [await story(`${PREFIX}rare`, 700), await story(`${PREFIX}rare`, 1500), await story(`${PREFIX}rare`, 3000)];
    expect(await newest(`${PREFIX}rare`, 5)).toEqual(newestFirst(rare, 5));
    // One in the first window suggests five within a year or so; the others are years older.
    const bursty = [await story(`${PREFIX}bursty`, 10), ...(await Promise.all([900, 1000, 1100, 1200, 1300].map((d) => story(`${PREFIX}bursty`, d))))];
    expect(await newest(`${PREFIX}bursty`, 5)).toEqual(newestFirst(bursty, 5));
    expect(await newest(`${PREFIX}nothing`, 5)).toEqual([]);
  });

  it('count back from an anchor and order by the chosen time', async () => {
    const stories = [];
    for (const days of [1, 10, 50, 70, 90, 130, 170]) stories.push(await story(`${PREFIX}anchored`, days));
    // Published before the anchor and changed after it (in a later month); published long before
    // and changed just before it, so that it comes first.
    stories.push(await story(`${PREFIX}anchored`, 65, { changedDaysAgo: 5 }), await story(`${PREFIX}anchored`, 400, { changedDaysAgo: 61 }));
    const anchor = new Date(Date.now() - 60 * DAY);
    const before = stories.filter((s) => s.changed < anchor);
    const rows = await db.$queryRaw<{ id: string }[]>`
      WITH query AS (SELECT to_tsquery('english', ${`${PREFIX}anchored`}) AS tsq),
      ${newestMatches({ column: 'updatedAt', limit: 3, anchor: Prisma.sql`${anchor.toISOString()}::timestamp`, words: Prisma.sql`query.tsq`, where: Prisma.sql`s."updatedAt" < ${anchor.toISOString()}::timestamp` })}
      SELECT "id" FROM candidates ORDER BY "at" DESC, "id" DESC`;
    expect(rows.map((r) => r.id)).toEqual(newestFirst(before, 3, 'updatedAt'));
    expect(rows[0]?.id).toBe(stories.at(-1)!.id);
  });

  it('by publication, find published stories only, with phrases and exclusions as the vector has them', async () => {
    const token = `${PREFIX}phrase`;
    const draft = await story(token, 2, { status: 'DRAFT', text: 'Fishing quotas cut.' });
    const inOrder = await story(token, 3, { text: 'Fishing quotas cut.' });
    const apart = await story(token, 4, { text: 'Quotas on fishing cut.' });
    const excluded = await story(token, 5, { text: 'Fishing quotas cut at the harbour.' });
    const older = await story(token, 45, { text: 'Fishing quotas cut.' });
    expect(await newest(`${token} "fishing quotas"`, 5, 'publishedAt', undefined, 'websearch')).toEqual([inOrder.id, excluded.id, older.id]);
    expect(await newest(`${token} fishing quotas -harbour`, 5, 'publishedAt', undefined, 'websearch')).toEqual([inOrder.id, apart.id, older.id]);
    expect(await newest(`${token} fishing -"quotas cut"`, 5, 'publishedAt', undefined, 'websearch')).toEqual([apart.id]);
    expect(await newest(`${token} fishing`, 2, 'updatedAt', undefined, 'websearch')).toEqual([draft.id, inOrder.id]);
    // Exclusions alone name no story.
    for (const column of ['publishedAt', 'updatedAt'] as const) expect(await newest('-harbour', 5, column, undefined, 'websearch')).toEqual([]);
  });

  it('tell a word from a longer one, and take a prefix as the vector has it, in a window and over every month', async () => {
    const short = [await story(`${PREFIX}lone`, 3), await story(`${PREFIX}lone`, 900)];
    const long = [await story(`${PREFIX}lonely`, 2), await story(`${PREFIX}lonely`, 1200)];
    for (const column of ['publishedAt', 'updatedAt'] as const) {
      expect(await newest(`${PREFIX}lone`, 5, column)).toEqual(newestFirst(short, 5));
      expect(await newest(`${PREFIX}lone`, 1, column)).toEqual(newestFirst(short, 1));
      expect(await newest(`${PREFIX}lone:*`, 5, column)).toEqual(newestFirst([...short, ...long], 5));
      expect(await newest(`${PREFIX}lone:*`, 1, column)).toEqual(newestFirst(long, 1));
    }
  });

  it('run in sessions whose bitmaps hold every story of a common word', async () => {
    // At PostgreSQL's 4 MB a bitmap of 100,000 stories keeps pages instead, and the whole-archive
    // stage then tests every story on them again (lib/db.ts).
    expect(await db.$queryRaw<{ work_mem: string }[]>`SHOW work_mem`).toEqual([{ work_mem: '32MB' }]);
  });

  it('agree with a full sort over many random archives, by either time', async () => {
    // Stories at random ages, with random counts: each stage, each stage's boundary and each
    // month's edge are hit.
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    for (let round = 0; round < 24; round++) {
      const token = `${PREFIX}fuzz${round}`;
      const stories = [];
      const count = 1 + Math.floor(random() * 25);
      for (let i = 0; i < count; i++) {
        // Most last changed when published, some changed since (often in a later month), a few drafts.
        const days = random() < 0.5 ? random() * 60 : random() * 2000;
        const kind = random();
        stories.push(await story(token, days, { status: kind < 0.1 ? 'DRAFT' : 'PUBLISHED', changedDaysAgo: kind < 0.6 ? undefined : random() * days }));
      }
      const limit = 1 + Math.floor(random() * 8);
      for (const column of ['publishedAt', 'updatedAt'] as const) {
        expect(await newest(token, limit, column), `round ${round} by ${column}: ${count} stories, limit ${limit}`).toEqual(newestFirst(stories, limit, column));
      }
    }
  });
});
