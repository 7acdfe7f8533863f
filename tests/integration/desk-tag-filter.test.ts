import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listDeskStories } from '@/lib/data/desk';
import type { Viewer } from '@/lib/data/viewer';
import { makeUser } from './helpers';

// The desk filtered by tag reads a tag's stories one of three ways by the tag's size against the
// archive's (lib/data/desk.ts): through its links, walking the newest stories against a hash of
// its links, or walking them and probing each. All must give the same newest-first pages a full
// sort would, with the other filters and the cursor applied.

const PREFIX = `dtag${Date.now().toString(36)}`;
let editor: Viewer;
let reporter: Viewer;

async function tagged(tag: string, count: number, everyNth: { published: number; mine: number }) {
  await db.$executeRawUnsafe(
    `INSERT INTO "Story" (id, headline, slug, body, "createdById", "updatedAt", status)
     SELECT $1 || '-' || $2 || '-' || g, 'Tagged', $1 || '-' || $2 || '-' || g, '{"type":"doc","content":[]}'::jsonb, $3,
       now() - g * interval '1 minute', CASE WHEN g % $4 = 0 THEN 'PUBLISHED'::"StoryStatus" ELSE 'DRAFT'::"StoryStatus" END
     FROM generate_series(1, $5) g`,
    PREFIX, tag, editor.id, everyNth.published, count,
  );
  await db.$executeRawUnsafe(`INSERT INTO "Tag" (id, name, slug) VALUES ($1, $1, $1)`, `${PREFIX}-${tag}`);
  await db.$executeRawUnsafe(`INSERT INTO "StoryTag" ("storyId", "tagId") SELECT id, $2 FROM "Story" WHERE id LIKE $1`, `${PREFIX}-${tag}-%`, `${PREFIX}-${tag}`);
  await db.$executeRawUnsafe(
    `INSERT INTO "StoryAuthor" ("storyId", "userId", position) SELECT id, $2, 0 FROM "Story" WHERE id LIKE $1 AND split_part(id, '-', 3)::int % $3 = 0`,
    `${PREFIX}-${tag}-%`, reporter.id, everyNth.mine,
  );
}

async function expected(tag: string, where: string) {
  return (await db.$queryRawUnsafe<{ id: string }[]>(`SELECT s.id FROM "Story" s WHERE s.id LIKE $1 ${where} ORDER BY s."updatedAt" DESC, s.id DESC`, `${PREFIX}-${tag}-%`)).map((r) => r.id);
}

async function everyPage(filters: Parameters<typeof listDeskStories>[1], take = 100, most = 200) {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let pages = 0; pages < most; pages++) {
    const page = await listDeskStories(editor, { ...filters, take, cursor });
    ids.push(...page.stories.map((s) => s.id));
    if (!page.nextCursor || pages === most - 1) return ids;
    cursor = page.nextCursor;
  }
  throw new Error('too many pages');
}

beforeAll(async () => {
  editor = await makeUser('EDITOR');
  reporter = await makeUser('REPORTER');
  await tagged('rare', 30, { published: 3, mine: 4 });
  await tagged('common', 5_200, { published: 2, mine: 7 });
  // The choice reads the archive's size from the planner's statistics.
  await db.$executeRawUnsafe(`ANALYZE "Story"`);
}, 120_000);

afterAll(async () => {
  await db.$executeRawUnsafe(`DELETE FROM "Story" WHERE id LIKE $1`, `${PREFIX}-%`);
  await db.$executeRawUnsafe(`DELETE FROM "Tag" WHERE id LIKE $1`, `${PREFIX}-%`);
});

describe('the desk filtered by tag', () => {
  it('lists a rare tag’s stories newest first, page by page, with other filters', async () => {
    expect(await everyPage({ tag: `${PREFIX}-rare` })).toEqual(await expected('rare', ''));
    expect(await everyPage({ tag: `${PREFIX}-rare`, status: 'PUBLISHED' })).toEqual(await expected('rare', `AND s.status = 'PUBLISHED'`));
    expect(await everyPage({ tag: `${PREFIX}-rare`, authorId: reporter.id })).toEqual(await expected('rare', `AND EXISTS (SELECT 1 FROM "StoryAuthor" a WHERE a."storyId" = s.id AND a."userId" = '${reporter.id}')`));
  });

  it('lists a common tag’s stories the same way', async () => {
    const first = await listDeskStories(editor, { tag: `${PREFIX}-common`, status: 'PUBLISHED', take: 50 });
    expect(first.stories.map((s) => s.id)).toEqual((await expected('common', `AND s.status = 'PUBLISHED'`)).slice(0, 50));
    expect(await everyPage({ tag: `${PREFIX}-common`, authorId: reporter.id })).toEqual(await expected('common', `AND EXISTS (SELECT 1 FROM "StoryAuthor" a WHERE a."storyId" = s.id AND a."userId" = '${reporter.id}')`));
  }, 60_000);

  it('gives the same pages whichever way the tag is read', async () => {
    // With N stories (about 5,000 to 10,000 here) and k = take + 1: links below √(k·N/200), a hash
    // up to √(k·N·200), probes above. At take 100 the rare tag (30) is read through its links and
    // the common one (5,200) by hash; at take 5 the rare one by hash and the common one by probes.
    const [stories] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT reltuples::int AS n FROM pg_class WHERE oid = '"Story"'::regclass`);
    expect(stories!.n).toBeGreaterThan(5_200);
    expect(stories!.n).toBeLessThan(20_000);
    for (const tag of ['rare', 'common']) {
      const published = await expected(tag, `AND s.status = 'PUBLISHED'`);
      expect(await everyPage({ tag: `${PREFIX}-${tag}`, status: 'PUBLISHED' }, 5, 3)).toEqual(published.slice(0, 15));
      expect(await everyPage({ tag: `${PREFIX}-${tag}`, status: 'PUBLISHED' }, 100, 2)).toEqual(published.slice(0, 200));
    }
  }, 60_000);

  it('finds nothing for a tag no story carries', async () => {
    expect((await listDeskStories(editor, { tag: `${PREFIX}-none` })).stories).toEqual([]);
  });
});
