import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { cacheKeys } from '@/lib/cache/keys';
import { withLiveCounts } from './live-link-counts';

// The public directory of sections, tags and authors: only those readers can reach a story through.
// "Live" is read from the links' own copy of their story's publication (liveAt, kept by triggers),
// and the lists' counts from the changes the link tables' triggers append (live-link-counts.ts).

export type PublicSection = { name: string; slug: string };
export type PublicTag = { name: string; slug: string; storyCount: number };
export type PublicAuthor = { name: string; slug: string; bio: string; storyCount: number };

export const listPublicSections = cached(
  'sections',
  async (): Promise<PublicSection[]> => db.section.findMany({ orderBy: { position: 'asc' }, select: { name: true, slug: true } }),
  () => [cacheKeys.directory],
);

export const getPublicSection = cached(
  'section',
  async (slug: string): Promise<PublicSection | null> => db.section.findUnique({ where: { slug }, select: { name: true, slug: true } }),
  ([slug]) => [cacheKeys.directory, cacheKeys.section(slug)],
);

// The lists sum each tag's or author's changes in live stories (a publish empties their cache, and
// counting a million-story archive's links again took seconds).
async function readTags(): Promise<PublicTag[]> {
  const rows = await withLiveCounts('tag', (counts) =>
    db.$queryRawUnsafe<{ id: string; name: string; slug: string; n: number; rows: number }[]>(
      `SELECT t."id", t."name", t."slug", c."n", c."rows" FROM ${counts} c JOIN "Tag" t ON t."id" = c."ownerId" ORDER BY t."name"`,
    ),
  );
  return rows.map((t) => ({ name: t.name, slug: t.slug, storyCount: t.n }));
}

/** Tags with at least one published story. */
export const listPublicTags = cached('tags', () => readTags(), () => [cacheKeys.directory]);

// One tag or author by slug, its stories counted from the links' index alone (a byline of a
// million-story archive has tens of thousands).
async function readOne(table: 'Tag' | 'User', slug: string): Promise<{ name: string; slug: string; bio: string | null; count: bigint } | null> {
  const [links, key, bio] = table === 'Tag' ? ['"StoryTag"', '"tagId"', 'NULL'] : ['"StoryAuthor"', '"userId"', 'x."bio"'];
  const [row] = await db.$queryRawUnsafe<{ name: string; slug: string; bio: string | null; count: bigint }[]>(
    `SELECT x."name", x."slug", ${bio} AS "bio", c."count"
     FROM "${table}" x, LATERAL (SELECT count(*) AS "count" FROM ${links} l WHERE l.${key} = x."id" AND l."liveAt" <= now()) c
     WHERE x."slug" = $1 AND c."count" > 0`,
    slug,
  );
  return row ?? null;
}

// One tag by its slug: a lookup of its own, since an archive can hold thousands of tags.
export const getPublicTag = cached(
  'tag',
  async (slug: string): Promise<PublicTag | null> => {
    const row = await readOne('Tag', slug);
    return row && { name: row.name, slug: row.slug, storyCount: Number(row.count) };
  },
  ([slug]) => [cacheKeys.directory, cacheKeys.tag(slug)],
);

async function readAuthors(): Promise<PublicAuthor[]> {
  const rows = await withLiveCounts('author', (counts) =>
    db.$queryRawUnsafe<{ id: string; name: string; slug: string; bio: string; n: number; rows: number }[]>(
      `SELECT u."id", u."name", u."slug", u."bio", c."n", c."rows" FROM ${counts} c JOIN "User" u ON u."id" = c."ownerId" ORDER BY u."name"`,
    ),
  );
  return rows.map((u) => ({ name: u.name, slug: u.slug, bio: u.bio, storyCount: u.n }));
}

/** People with at least one published story: a byline is public, a newsroom account is not. */
export const listPublicAuthors = cached('authors', () => readAuthors(), () => [cacheKeys.directory]);

export const getPublicAuthor = cached(
  'author',
  async (slug: string): Promise<PublicAuthor | null> => {
    const row = await readOne('User', slug);
    return row && { name: row.name, slug: row.slug, bio: row.bio ?? '', storyCount: Number(row.count) };
  },
  ([slug]) => [cacheKeys.directory, cacheKeys.author(slug)],
);
