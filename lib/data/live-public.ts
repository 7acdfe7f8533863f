import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { cacheKeys } from '@/lib/cache/keys';
import { publicBody } from '@/lib/editor/public-body';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { toPlainText } from '@/lib/editor/plain-text';
import { decodeCursor, encodeCursor } from '@/lib/pagination';
import { resolveBodyRefs } from './body-images';
import { liveWhere } from './live';

// What readers get of a live blog: its published entries newest first (a page at a time), the
// pinned one, the key events, and whether coverage has ended. Only while the blog itself is one
// readers may see (published, due, not taken down). Cached under the blog's own key, which every
// entry change invalidates in its transaction (lib/data/live-entries.ts).

export type PublicEntry = {
  id: string;
  headline: string;
  body: Doc;
  keyEvent: boolean;
  postedAt: Date;
  correctedAt: Date | null;
  author: { name: string; slug: string } | null;
};

export type LiveBlog = {
  coverageEndedAt: Date | null;
  pinned: PublicEntry | null;
  keyEvents: { id: string; headline: string; postedAt: Date }[];
  entries: PublicEntry[];
  nextCursor: string | null;
  /** The newest entry's time: what a poller compares. */
  newestAt: Date | null;
};

const PAGE = 20;
const KEY_EVENTS = 50;
const entrySelect = { id: true, headline: true, body: true, keyEvent: true, postedAt: true, correctedAt: true, authorId: true } as const;
type Row = { id: string; headline: string; body: unknown; keyEvent: boolean; postedAt: Date | null; correctedAt: Date | null; authorId: string };

async function toPublic(rows: Row[]): Promise<PublicEntry[]> {
  const people = await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true, slug: true } });
  const byId = new Map(people.map((p) => [p.id, { name: p.name, slug: p.slug }]));
  return Promise.all(
    rows.map(async (row) => {
      const body = parseBody(row.body);
      // Bodies are validated on write; a damaged one is left out rather than shown.
      const doc = body.ok ? await resolveBodyRefs(db, publicBody(body.doc)) : { type: 'doc' as const, content: [] };
      return { id: row.id, headline: row.headline, body: doc, keyEvent: row.keyEvent, postedAt: row.postedAt!, correctedAt: row.correctedAt, author: byId.get(row.authorId) ?? null };
    }),
  );
}

async function readLiveBlog(storyId: string, cursor: string | null): Promise<LiveBlog | null> {
  const blog = await db.story.findFirst({ where: { id: storyId, format: 'LIVE', ...liveWhere() }, select: { coverageEndedAt: true } });
  if (!blog) return null;
  const after = decodeCursor(cursor);
  const at = after ? new Date(after.at) : null;
  const published = { storyId, status: 'PUBLISHED' as const };
  const [rows, pinned, keyEvents, newest] = await Promise.all([
    db.liveEntry.findMany({
      where: { ...published, ...(at ? { OR: [{ postedAt: { lt: at } }, { postedAt: at, id: { gt: after!.id } }] } : {}) },
      orderBy: [{ postedAt: 'desc' }, { id: 'asc' }],
      take: PAGE + 1,
      select: entrySelect,
    }),
    db.liveEntry.findFirst({ where: { ...published, pinned: true }, select: entrySelect }),
    db.liveEntry.findMany({ where: { ...published, keyEvent: true }, orderBy: { postedAt: 'desc' }, take: KEY_EVENTS, select: { id: true, headline: true, body: true, postedAt: true } }),
    db.liveEntry.findFirst({ where: published, orderBy: { postedAt: 'desc' }, select: { postedAt: true } }),
  ]);
  const page = rows.slice(0, PAGE);
  const last = page.at(-1);
  const [entries, [pinnedEntry]] = await Promise.all([toPublic(page), toPublic(pinned ? [pinned] : [])]);
  return {
    coverageEndedAt: blog.coverageEndedAt,
    pinned: pinnedEntry ?? null,
    // A key event without a headline is listed by its first words.
    keyEvents: keyEvents.map((k) => ({ id: k.id, headline: k.headline || firstWords(k.body), postedAt: k.postedAt! })),
    entries,
    nextCursor: rows.length > PAGE && last ? encodeCursor({ at: last.postedAt!.toISOString(), id: last.id }) : null,
    newestAt: newest?.postedAt ?? null,
  };
}

function firstWords(body: unknown): string {
  const parsed = parseBody(body);
  if (!parsed.ok) return '';
  const text = toPlainText(parsed.doc).split('\n')[0] ?? '';
  return text.length > 80 ? `${text.slice(0, 80).replace(/\s+\S*$/, '')}…` : text;
}

/** A live blog as readers see it, or null when readers may not see it (or it is not a live blog). */
export const getLiveBlog = cached('live-blog', (storyId: string, cursor: string | null = null) => readLiveBlog(storyId, cursor), ([storyId]) => [cacheKeys.story(storyId)]);
