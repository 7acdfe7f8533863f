import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databasePool, db } from '@/lib/db';
import { foldLiveLinkCounts } from '@/lib/data/live-link-counts';
import { listPublicAuthors, listPublicTags } from '@/lib/data/public-directory';
import { makeUser } from './helpers';

// The public lists of tags and authors read each one's count of live stories from the changes that
// statement triggers on the link tables append ("LiveLinkCount"). Whatever sequence of writes
// happens to stories and links, and however the changes are folded, each sum must equal a count of
// the live links themselves.

const PREFIX = `llc${Date.now().toString(36)}`;
let userIds: string[] = [];
let tagIds: string[] = [];
let sectionId = '';

type Count = { id: string; n: number };
const kept = async () =>
  db.$queryRaw<Count[]>`
    SELECT o.id, coalesce((SELECT sum(c."n")::int FROM "LiveLinkCount" c WHERE c."ownerId" = o.id), 0) AS n
    FROM unnest(${[...tagIds, ...userIds]}::text[]) AS o(id) ORDER BY o.id`;
const counted = async () =>
  db.$queryRaw<Count[]>`
    SELECT o.id, (SELECT count(*)::int FROM "StoryTag" l WHERE l."tagId" = o.id AND l."liveAt" IS NOT NULL)
      + (SELECT count(*)::int FROM "StoryAuthor" l WHERE l."userId" = o.id AND l."liveAt" IS NOT NULL) AS n
    FROM unnest(${[...tagIds, ...userIds]}::text[]) AS o(id) ORDER BY o.id`;

beforeAll(async () => {
  userIds = [];
  for (let i = 0; i < 4; i++) userIds.push((await makeUser('REPORTER')).id);
  tagIds = [];
  for (let i = 0; i < 5; i++) tagIds.push((await db.tag.create({ data: { id: `${PREFIX}t${i}`, name: `Count ${PREFIX} ${i}`, slug: `${PREFIX}-t${i}` } })).id);
  sectionId = (await db.section.findFirst({ select: { id: true } }))?.id ?? (await db.section.create({ data: { name: `Count ${PREFIX}`, slug: `count-${PREFIX}`, position: 98 } })).id;
});

afterAll(async () => {
  await db.$executeRaw`DELETE FROM "Story" WHERE id LIKE ${`${PREFIX}%`}`;
  await db.$executeRaw`DELETE FROM "Tag" WHERE id LIKE ${`${PREFIX}%`}`;
});

describe('the counts of live stories per tag and per author', () => {
  it('equal a count of the live links after any sequence of writes (fuzz)', async () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
    const ids: string[] = [];
    for (let step = 0; step < 150; step++) {
      const roll = random();
      if (roll < 0.25 || ids.length === 0) {
        const id = `${PREFIX}s${step}`;
        ids.push(id);
        await db.$executeRaw`
          INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status, "sectionId", "publishedAt")
          VALUES (${id}, 'Counted', ${id}, '{"type":"doc","content":[]}'::jsonb, ${userIds[0]!}, now(), ${pick(['PUBLISHED', 'DRAFT'])}::"StoryStatus", ${sectionId}, now())`;
        // Its links in one statement each, as a save or a COPY writes several at once.
        const tags = tagIds.filter(() => random() < 0.5);
        const authors = userIds.filter(() => random() < 0.4);
        await db.$executeRawUnsafe(`INSERT INTO "StoryTag" ("storyId", "tagId") SELECT $1, unnest($2::text[])`, id, tags);
        await db.$executeRawUnsafe(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) SELECT $1, a, o - 1 FROM unnest($2::text[]) WITH ORDINALITY AS x(a, o)`, id, authors);
      } else {
        const id = pick(ids);
        const change = pick(['unpublish', 'publish', 'takedown', 'restore', 'nosection', 'section', 'untag', 'tag', 'retag', 'unbyline', 'byline', 'delete', 'bulk', 'fold']);
        if (change === 'fold') await foldLiveLinkCounts(pick(['tag', 'author']));
        if (change === 'unpublish') await db.$executeRaw`UPDATE "Story" SET status = 'UNPUBLISHED' WHERE id = ${id}`;
        if (change === 'publish') await db.$executeRaw`UPDATE "Story" SET status = 'PUBLISHED', "publishedAt" = coalesce("publishedAt", now()) WHERE id = ${id}`;
        if (change === 'takedown') await db.$executeRaw`UPDATE "Story" SET "takenDownAt" = now() WHERE id = ${id}`;
        if (change === 'restore') await db.$executeRaw`UPDATE "Story" SET "takenDownAt" = NULL WHERE id = ${id}`;
        if (change === 'nosection') await db.$executeRaw`UPDATE "Story" SET "sectionId" = NULL WHERE id = ${id}`;
        if (change === 'section') await db.$executeRaw`UPDATE "Story" SET "sectionId" = ${sectionId} WHERE id = ${id}`;
        if (change === 'untag') await db.$executeRaw`DELETE FROM "StoryTag" WHERE "storyId" = ${id} AND "tagId" = ${pick(tagIds)}`;
        if (change === 'tag') await db.$executeRaw`INSERT INTO "StoryTag" ("storyId", "tagId") VALUES (${id}, ${pick(tagIds)}) ON CONFLICT DO NOTHING`;
        // A link moved to another tag keeps its story's liveAt.
        if (change === 'retag') {
          const [from, to] = [pick(tagIds), pick(tagIds)];
          await db.$executeRaw`UPDATE "StoryTag" SET "tagId" = ${to} WHERE "storyId" = ${id} AND "tagId" = ${from} AND NOT EXISTS (SELECT 1 FROM "StoryTag" x WHERE x."storyId" = ${id} AND x."tagId" = ${to})`;
        }
        if (change === 'unbyline') await db.$executeRaw`DELETE FROM "StoryAuthor" WHERE "storyId" = ${id} AND "userId" = ${pick(userIds)}`;
        if (change === 'byline') await db.$executeRaw`INSERT INTO "StoryAuthor" ("storyId", "userId", position) SELECT ${id}, ${pick(userIds)}, coalesce(max(position) + 1, 0) FROM "StoryAuthor" WHERE "storyId" = ${id} ON CONFLICT DO NOTHING`;
        if (change === 'delete') {
          await db.$executeRaw`DELETE FROM "Story" WHERE id = ${id}`;
          ids.splice(ids.indexOf(id), 1);
        }
        // One statement changing several stories at once (and so many links of the same tags).
        if (change === 'bulk') await db.$executeRawUnsafe(`UPDATE "Story" SET status = CASE WHEN status = 'PUBLISHED' THEN 'UNPUBLISHED'::"StoryStatus" ELSE 'PUBLISHED'::"StoryStatus" END, "publishedAt" = coalesce("publishedAt", now()) WHERE id = ANY($1::text[])`, ids.filter(() => random() < 0.4));
      }
      expect(await kept(), `step ${step}`).toEqual(await counted());
    }
    // The fuzz reached both sides: some counts above zero, and links that are not live.
    expect((await kept()).some((c) => c.n > 0)).toBe(true);
    expect((await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM "StoryTag" WHERE "storyId" LIKE ${`${PREFIX}%`} AND "liveAt" IS NULL`)[0]!.n).toBeGreaterThan(0);
  });

  it('are what the public lists of tags and authors show', async () => {
    const tags = new Map((await listPublicTags()).map((t) => [t.slug, t.storyCount]));
    const authors = await listPublicAuthors();
    for (const c of await counted()) {
      const tag = await db.tag.findUnique({ where: { id: c.id }, select: { slug: true } });
      if (tag) expect(tags.get(tag.slug) ?? 0, tag.slug).toBe(c.n);
      const user = await db.user.findUnique({ where: { id: c.id }, select: { slug: true } });
      if (user) expect(authors.find((a) => a.slug === user.slug)?.storyCount ?? 0, user.slug).toBe(c.n);
    }
  });

  it('many writers at once never wait on each other, and every change is counted (with folds running among them)', async () => {
    // Each transaction swaps a live story's tags and bylines for others in two statements (removing
    // some, adding others, in its own order) while folds run: a counter on the tag's own row would
    // have two such writers each hold a row the other wants.
    const stories: string[] = [];
    for (let i = 0; i < 12; i++) {
      const id = `${PREFIX}w${i}`;
      stories.push(id);
      await db.$executeRaw`
        INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status, "sectionId", "publishedAt")
        VALUES (${id}, 'Writers', ${id}, '{"type":"doc","content":[]}'::jsonb, ${userIds[0]!}, now(), 'PUBLISHED', ${sectionId}, now())`;
      await db.$executeRawUnsafe(`INSERT INTO "StoryTag" ("storyId", "tagId") SELECT $1, unnest($2::text[])`, id, i % 2 ? tagIds.slice(0, 3) : tagIds.slice(2));
    }
    const swap = async (id: string, round: number) => {
      const client = await databasePool().connect();
      try {
        await client.query('BEGIN');
        const [drop, add] = round % 2 ? [tagIds.slice(0, 3), tagIds.slice(3)] : [tagIds.slice(3), tagIds.slice(0, 3)];
        await client.query(`DELETE FROM "StoryTag" WHERE "storyId" = $1 AND "tagId" = ANY($2::text[])`, [id, drop]);
        await client.query(`INSERT INTO "StoryTag" ("storyId", "tagId") SELECT $1, unnest($2::text[]) ON CONFLICT DO NOTHING`, [id, [...add].reverse()]);
        await client.query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [id, userIds[round % userIds.length], 10 + round]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    };
    for (let round = 0; round < 6; round++) {
      await Promise.all([...stories.map((id, i) => swap(id, round + i)), foldLiveLinkCounts('tag'), foldLiveLinkCounts('author')]);
      expect(await kept(), `round ${round}`).toEqual(await counted());
    }
  });
});
