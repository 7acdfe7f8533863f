import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import pg from 'pg';
import { seedArchive } from '@/prisma/archive';
import { withoutSearchIndexes } from '@/prisma/archive/indexes';
import { Lexicon, type Weight } from '@/prisma/archive/search-vector';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';

// The generated archive (`npm run db:seed -- --archive N`), loaded by COPY with search vectors built
// outside PostgreSQL: every stored vector must be exactly PostgreSQL's own, and the rows must be
// what the site's triggers and constraints expect. On a database of its own, so that the suite's
// other files see only the demo newsroom.

const adminUrl = inject('adminUrl');
const name = `masthead_archive_${Date.now().toString(36)}`;
const url = Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();
const client = new pg.Client({ connectionString: url });
const COUNT = 400;
const quiet = () => {};

const one = async <T extends Record<string, unknown>>(sql: string) => (await client.query<T>(sql)).rows[0]!;
/** The story search indexes, as PostgreSQL describes them, and whether each can be used. */
const searchIndexes = async () =>
  (await client.query<{ definition: string; valid: boolean }>(
    `SELECT pg_get_indexdef(x.indexrelid) AS definition, x.indisvalid AS valid FROM pg_index x JOIN pg_class c ON c.oid = x.indexrelid JOIN pg_am a ON a.oid = c.relam
     WHERE x.indrelid = '"Story"'::regclass AND a.amname = 'gin' ORDER BY c.relname`,
  )).rows;

beforeAll(async () => {
  await ensureDatabase(adminUrl, name);
  migrateDeploy(url, true);
  await client.connect();
}, 120_000);

afterAll(async () => {
  await client.end();
  await dropDatabase(adminUrl, name);
});

describe('the generated archive', () => {
  it('refuses to run before the newsroom has sections and an editor, and writes nothing', async () => {
    await expect(seedArchive(url, 10, quiet)).rejects.toThrow(/Seed the demo newsroom first/);
    expect(await one<{ n: string }>(`SELECT (SELECT count(*) FROM "Story") + (SELECT count(*) FROM "User") + (SELECT count(*) FROM "Tag") AS n`)).toEqual({ n: '0' });
    await client.query(`INSERT INTO "Section" (id, name, slug, position) VALUES ('secworld', 'World', 'world', 0), ('secbiz', 'Business', 'business', 1)`);
    await client.query(`INSERT INTO "User" (id, email, name, slug, role, "passwordHash", "updatedAt") VALUES ('useredit', 'desk@example.com', 'Desk Editor', 'desk-editor', 'EDITOR', 'x', now())`);
  });

  it('loads stories whose search vectors are exactly PostgreSQL’s, with bylines, tags and addresses', async () => {
    const lines: string[] = [];
    const indexes = await searchIndexes();
    expect(indexes.map((i) => i.definition.match(/INDEX "([^"]+)"/)?.[1])).toEqual(['Story_search_stamps_idx']);
    await seedArchive(url, COUNT, (message) => lines.push(message));
    expect(lines.at(-1)).toMatch(/Added 400 archive stories .* Database on disk: /);
    // The search indexes, dropped for the load, are built again as they were.
    expect(await searchIndexes()).toEqual(indexes);
    // The stamped words find exactly the stories the words do, by either time (published stories by
    // publication, every story by last change), in a window of every month or through the prefix
    // that reads every month.
    const words = `to_tsquery('english', 'the | a | council | minister')`;
    const count = async (where: string) => Number((await one<{ n: string }>(`SELECT count(*) AS n FROM "Story" WHERE ${where}`)).n);
    const stamped = (stamps: string, since: string) =>
      count(`story_search_stamps("searchVector", "status" = 'PUBLISHED', "publishedAt", "updatedAt") @@ story_search_stamps_query(${words}, '${stamps}', ${since}, now()::timestamp)`);
    const published = await count(`"status" = 'PUBLISHED' AND "searchVector" @@ ${words}`);
    const all = await count(`"searchVector" @@ ${words}`);
    expect(published).toBeGreaterThan(0);
    expect([await stamped('{p}', `'2000-01-01'`), await stamped('{p}', 'NULL'), await stamped('{u,p}', `'2000-01-01'`), await stamped('{u,p}', 'NULL')]).toEqual([published, published, all, all]);
    // Autovacuum, off for the tables while they load, is on again.
    expect((await client.query(`SELECT relname FROM pg_class WHERE relname IN ('Story', 'StoryTag', 'StoryAuthor', 'StoryPath', 'Tag', 'User', 'LiveLinkCount') AND reloptions IS NOT NULL`)).rows).toEqual([]);

    const stories = await one<{ n: string }>(`SELECT count(*) AS n FROM "Story" WHERE slug LIKE 'archive-%'`);
    expect(Number(stories.n)).toBe(COUNT);
    // Every vector, not a sample: the generator's rules must match the parser's on all of them.
    const differing = await client.query<{ id: string }>(
      `SELECT id FROM "Story" WHERE "searchVector" IS DISTINCT FROM
         setweight(to_tsvector('english', coalesce("headline", '')), 'A') || setweight(to_tsvector('english', coalesce("dek", '')), 'B') || setweight(to_tsvector('english', coalesce("plainText", '')), 'C')`,
    );
    expect(differing.rows).toEqual([]);
    // Word counts and lengths as newspapers have them: most stories 400 to 1,200 words.
    const lengths = await one<{ median: number; within: string; mismatched: string }>(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY "wordCount") AS median,
              count(*) FILTER (WHERE "wordCount" BETWEEN 400 AND 1200) AS within,
              count(*) FILTER (WHERE "wordCount" <> array_length(regexp_split_to_array(replace("plainText", E'\\n', ' '), ' '), 1)) AS mismatched
       FROM "Story"`,
    );
    expect(lengths.median).toBeGreaterThan(500);
    expect(lengths.median).toBeLessThan(1000);
    expect(Number(lengths.within)).toBeGreaterThan(COUNT * 0.6);
    expect(Number(lengths.mismatched)).toBe(0);
    // Every body is the story's paragraphs as the editor's JSON, one per line of its plain text.
    const bodies = await one<{ wrong: string }>(
      `SELECT count(*) AS wrong FROM "Story" s WHERE s.body IS DISTINCT FROM jsonb_build_object('type', 'doc', 'content',
         (SELECT jsonb_agg(jsonb_build_object('type', 'paragraph', 'content', jsonb_build_array(jsonb_build_object('type', 'text', 'text', p))) ORDER BY n)
          FROM unnest(string_to_array(s."plainText", E'\\n')) WITH ORDINALITY AS u(p, n)))`,
    );
    expect(bodies.wrong).toBe('0');
    // Bylines and tags carry their story's publication time while it is live (sent with the COPY,
    // where the triggers would look it up): every link, not the loader's sample.
    const links = await one<{ unbylined: string; untagged: string; wrongLive: string }>(
      `SELECT (SELECT count(*) FROM "Story" s WHERE NOT EXISTS (SELECT 1 FROM "StoryAuthor" a WHERE a."storyId" = s.id)) AS unbylined,
              (SELECT count(*) FROM "Story" s WHERE (SELECT count(*) FROM "StoryTag" t WHERE t."storyId" = s.id) < 2) AS untagged,
              (SELECT count(*) FROM (SELECT "storyId", "liveAt" FROM "StoryTag" UNION ALL SELECT "storyId", "liveAt" FROM "StoryAuthor") t JOIN "Story" s ON s.id = t."storyId"
                WHERE t."liveAt" IS DISTINCT FROM CASE WHEN s.status = 'PUBLISHED' THEN s."publishedAt" END) AS "wrongLive"`,
    );
    expect(links).toEqual({ unbylined: '0', untagged: '0', wrongLive: '0' });
    // The public lists' counts of live stories, folded to one row per tag and author after the COPY.
    const counts = await one<{ rows: string; owners: string; wrong: string }>(
      `SELECT (SELECT count(*) FROM "LiveLinkCount") AS rows,
              (SELECT count(DISTINCT ("kind", "ownerId")) FROM "LiveLinkCount") AS owners,
              (SELECT count(*) FROM (
                 SELECT "tagId" AS id, count(*) AS n FROM "StoryTag" WHERE "liveAt" IS NOT NULL GROUP BY 1
                 UNION ALL SELECT "userId", count(*) FROM "StoryAuthor" WHERE "liveAt" IS NOT NULL GROUP BY 1) l
               FULL JOIN (SELECT "ownerId" AS id, sum("n") AS n FROM "LiveLinkCount" GROUP BY 1) c USING (id)
               WHERE l.n IS DISTINCT FROM c.n) AS wrong`,
    );
    expect(counts.wrong).toBe('0');
    expect(counts.rows).toBe(counts.owners);
    // Every story has its address; a few have an older one that now redirects.
    const paths = await one<{ missing: string; extra: string }>(
      `SELECT (SELECT count(*) FROM "Story" s JOIN "Section" x ON x.id = s."sectionId" WHERE NOT EXISTS (SELECT 1 FROM "StoryPath" p WHERE p.path = x.slug || '/' || s.slug)) AS missing,
              (SELECT count(*) FROM "StoryPath") - (SELECT count(*) FROM "Story") AS extra`,
    );
    expect(paths.missing).toBe('0');
    expect(Number(paths.extra)).toBeGreaterThanOrEqual(0);
  }, 120_000);

  it('builds PostgreSQL’s vector at its limits and for text the generator never writes', async () => {
    const long = Array.from({ length: 17_000 }, (_, i) => ['council', 'the', 'harbour', 'of', `word${i % 50}`][i % 5]).join(' ');
    const cases: [string, string, string][] = [
      ['Ends with a stop word: the', '', 'Body.'],
      ['“Quoted” words, hyphen-ated well-known co-op and it’s O’Brien’s 2026 budget of €3.5bn', 'Über café naïve résumé', 'e-mail me at desk@example.com or https://example.com/a?b=1 — 10:30 am'],
      ['Repeated', 'repeat '.repeat(300), `${'council '.repeat(400)}end`],
      ['Long', 'A dek.', long],
      ['', '', ''],
    ];
    const lexicon = new Lexicon();
    for (const [headline, dek, body] of cases) {
      await lexicon.learn(client, [headline, dek, body]);
      const parts: [string[], Weight][] = [[[headline], 'A'], [[dek], 'B'], [body.split('\n'), 'C']];
      const { rows } = await client.query<{ same: boolean }>(
        `SELECT $1::tsvector = setweight(to_tsvector('english', $2), 'A') || setweight(to_tsvector('english', $3), 'B') || setweight(to_tsvector('english', $4), 'C') AS same`,
        [lexicon.vector(parts), headline, dek, body],
      );
      expect(rows[0]!.same, headline || '(empty)').toBe(true);
    }
  });

  it('builds the search indexes again when a load fails', async () => {
    const indexes = await searchIndexes();
    const during: number[] = [];
    await expect(
      withoutSearchIndexes(client, 1_000, quiet, async () => {
        during.push((await searchIndexes()).length);
        throw new Error('the load failed');
      }),
    ).rejects.toThrow('the load failed');
    expect(during).toEqual([0]);
    expect(await searchIndexes()).toEqual(indexes);
  });

  it('adds to an archive rather than colliding with it', async () => {
    // Fewer than the archive holds: the search indexes stay as they are while the stories go in.
    const indexIds = async () => (await client.query(`SELECT indexrelid::int AS oid FROM pg_index WHERE indrelid = '"Story"'::regclass ORDER BY 1`)).rows;
    const kept = await indexIds();
    await seedArchive(url, 50, quiet);
    expect(await indexIds()).toEqual(kept);
    const stories = await one<{ n: string; runs: string }>(`SELECT count(*) AS n, count(DISTINCT split_part(slug, '-', 2)) AS runs FROM "Story" WHERE slug LIKE 'archive-%'`);
    expect(stories).toEqual({ n: String(COUNT + 50), runs: '2' });
  }, 120_000);
});
