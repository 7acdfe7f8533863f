import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { FILE_STORIES, childRange, listSitemapChildren, listSitemapStories } from '@/lib/data/public-sitemap';
import { makeUser } from './helpers';

// The sitemap index reads one row per month ("SitemapMonth"), kept by statement triggers on
// "Story". Whatever sequence of writes happens (publish, unpublish, move to another month or
// section, take down, delete, edit), the rows must equal a count of the live stories themselves.

const PREFIX = `smap${Date.now().toString(36)}`;
let userId = '';
let sectionIds: string[] = [];

type Row = { month: string; stories: number };
const fromTable = async () =>
  (await db.$queryRaw<Row[]>`SELECT "month", "stories" FROM "SitemapMonth" WHERE "stories" <> 0 ORDER BY "month"`).map((r) => ({ month: r.month, stories: Number(r.stories) }));
const fromStories = async () =>
  (
    await db.$queryRaw<Row[]>`
      SELECT to_char("publishedAt", 'YYYY-MM') AS "month", count(*)::int AS "stories" FROM "Story"
      WHERE "status" = 'PUBLISHED' AND "sectionId" IS NOT NULL AND "takenDownAt" IS NULL AND "publishedAt" IS NOT NULL
      GROUP BY 1 ORDER BY 1`
  ).map((r) => ({ month: r.month, stories: Number(r.stories) }));

beforeAll(async () => {
  userId = (await makeUser('EDITOR')).id;
  sectionIds = (await db.section.findMany({ select: { id: true } })).map((s) => s.id);
  if (sectionIds.length === 0) sectionIds = [(await db.section.create({ data: { name: `Sitemap ${PREFIX}`, slug: `sitemap-${PREFIX}`, position: 99 } })).id];
});

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Story" WHERE id LIKE ${`${PREFIX}%`}`;
});

describe('the months of the sitemap index', () => {
  it('equal a count of the live stories after any sequence of writes (fuzz)', async () => {
    let seed = 11;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const months = ['2019-03-10', '2021-07-02', '2024-11-16', '2024-11-30', '2026-01-05'];
    const ids: string[] = [];
    for (let step = 0; step < 120; step++) {
      const roll = random();
      if (roll < 0.3 || ids.length === 0) {
        // Several stories in one statement, as a COPY or a bulk insert writes them.
        const many = 1 + Math.floor(random() * 3);
        for (let i = 0; i < many; i++) ids.push(`${PREFIX}s${step}x${i}`);
        await db.$executeRawUnsafe(
          `INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status, "sectionId", "publishedAt")
           SELECT x.id, 'Sitemap', x.id, '{"type":"doc","content":[]}'::jsonb, $1, now(), x.status::"StoryStatus", x.section, x.at::timestamp
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) AS x(id, status, section, at)`,
          userId,
          ids.slice(-many),
          ids.slice(-many).map(() => pick(['PUBLISHED', 'PUBLISHED', 'DRAFT'])),
          ids.slice(-many).map(() => pick(sectionIds)),
          ids.slice(-many).map(() => pick(months)),
        );
      } else {
        const id = pick(ids);
        const change = pick(['unpublish', 'publish', 'move', 'takedown', 'restore', 'section', 'nosection', 'edit', 'slug', 'update', 'delete', 'bulk']);
        if (change === 'unpublish') await db.$executeRaw`UPDATE "Story" SET status = 'UNPUBLISHED' WHERE id = ${id}`;
        if (change === 'publish') await db.$executeRaw`UPDATE "Story" SET status = 'PUBLISHED', "publishedAt" = coalesce("publishedAt", now()) WHERE id = ${id}`;
        if (change === 'move') await db.$executeRaw`UPDATE "Story" SET "publishedAt" = ${pick(months)}::timestamp WHERE id = ${id}`;
        if (change === 'takedown') await db.$executeRaw`UPDATE "Story" SET "takenDownAt" = now() WHERE id = ${id}`;
        if (change === 'restore') await db.$executeRaw`UPDATE "Story" SET "takenDownAt" = NULL WHERE id = ${id}`;
        if (change === 'section') await db.$executeRaw`UPDATE "Story" SET "sectionId" = ${pick(sectionIds)} WHERE id = ${id}`;
        if (change === 'nosection') await db.$executeRaw`UPDATE "Story" SET "sectionId" = NULL WHERE id = ${id}`;
        if (change === 'edit') await db.$executeRaw`UPDATE "Story" SET headline = ${`Edit ${step}`} WHERE id = ${id}`;
        if (change === 'slug') await db.$executeRaw`UPDATE "Story" SET slug = ${`${id}-moved-${step}`} WHERE id = ${id}`;
        if (change === 'update') await db.$executeRaw`UPDATE "Story" SET "publicUpdatedAt" = now() WHERE id = ${id}`;
        if (change === 'delete') {
          await db.$executeRaw`DELETE FROM "Story" WHERE id = ${id}`;
          ids.splice(ids.indexOf(id), 1);
        }
        // One statement changing several stories at once, in different months.
        if (change === 'bulk') await db.$executeRawUnsafe(`UPDATE "Story" SET status = CASE WHEN status = 'PUBLISHED' THEN 'UNPUBLISHED'::"StoryStatus" ELSE 'PUBLISHED'::"StoryStatus" END WHERE id = ANY($1::text[])`, ids.filter(() => random() < 0.3));
      }
      expect(await fromTable(), `step ${step}`).toEqual(await fromStories());
    }
  });

  it('date each month by its last change, and list no month ahead of today', async () => {
    const before = new Date(Date.now() - 1000);
    const id = `${PREFIX}dated`;
    await db.$executeRaw`
      INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status, "sectionId", "publishedAt")
      VALUES (${id}, 'Dated', ${id}, '{"type":"doc","content":[]}'::jsonb, ${userId}, now(), 'PUBLISHED', ${sectionIds[0]!}, '2018-02-10')`;
    const month = async () => (await listSitemapChildren()).find((c) => c.name === 'stories-2018-02');
    expect((await month())?.modifiedAt?.toISOString()).toBe('2018-02-10T00:00:00.000Z');
    // An edit that no sitemap shows leaves the date alone; an update readers see moves it.
    await db.$executeRaw`UPDATE "Story" SET headline = 'Dated again' WHERE id = ${id}`;
    expect((await month())?.modifiedAt?.toISOString()).toBe('2018-02-10T00:00:00.000Z');
    await db.$executeRaw`UPDATE "Story" SET "publicUpdatedAt" = now() AT TIME ZONE 'UTC' WHERE id = ${id}`;
    expect((await month())!.modifiedAt!.getTime()).toBeGreaterThanOrEqual(before.getTime());
    // Taken off: the month goes when it holds nothing live.
    await db.$executeRaw`UPDATE "Story" SET status = 'UNPUBLISHED' WHERE id = ${id}`;
    expect(await month()).toBeUndefined();
    // Scheduled ahead: not listed until its month comes.
    await db.$executeRaw`UPDATE "Story" SET status = 'PUBLISHED', "publishedAt" = now() + interval '400 days' WHERE id = ${id}`;
    const ahead = new Date(Date.now() + 400 * 86_400_000).toISOString().slice(0, 7);
    expect((await listSitemapChildren()).map((c) => c.name)).not.toContain(`stories-${ahead}`);
  });

  it('list a month of many stories in runs of days that hold exactly its stories, about FILE_STORIES each', async () => {
    const count = FILE_STORIES * 2 + 10;
    await db.$executeRawUnsafe(
      `INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status, "sectionId", "publishedAt")
       SELECT $1 || 'big' || g, 'Big month', $1 || '-big-' || g, '{"type":"doc","content":[]}'::jsonb, $2, now(), 'PUBLISHED', $3,
         timestamp '2016-02-01' + (g % 29) * interval '1 day' + g * interval '1 second'
       FROM generate_series(1, $4) g`,
      PREFIX, userId, sectionIds[0]!, count,
    );
    const names = (await listSitemapChildren()).map((c) => c.name).filter((n) => n.startsWith('stories-2016-02'));
    // 29 days in three runs.
    expect(names).toEqual(['stories-2016-02-01-10', 'stories-2016-02-11-20', 'stories-2016-02-21-29']);
    const parts = await Promise.all(names.map((n) => listSitemapStories(childRange(n)!)));
    const month = await listSitemapStories(childRange('stories-2016-02')!);
    expect(month).toHaveLength(count);
    expect(parts.flat()).toEqual(month);
    for (const part of parts) expect(part.length).toBeGreaterThan(FILE_STORIES / 2);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(FILE_STORIES);
  });

  it('give out only names that are a month, a day or days of one month', () => {
    expect(childRange('stories-2024-11-16-30')).toEqual({ from: new Date('2024-11-16T00:00:00Z'), to: new Date('2024-12-01T00:00:00Z') });
    expect(childRange('stories-2024-11-16')).toEqual({ from: new Date('2024-11-16T00:00:00Z'), to: new Date('2024-11-17T00:00:00Z') });
    expect(childRange('stories-2024-12')).toEqual({ from: new Date('2024-12-01T00:00:00Z'), to: new Date('2025-01-01T00:00:00Z') });
    for (const bad of ['stories-2024-02-16-30', 'stories-2024-11-16-15', 'stories-2024-13', 'stories-2024-11-00', 'stories-2024-11-31', 'stories-2024-11-1-2', 'pages', 'stories-2024-11-16-30-1']) {
      expect(childRange(bad), bad).toBeNull();
    }
  });
});
