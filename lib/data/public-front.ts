import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { cacheKeys } from '@/lib/cache/keys';
import { SECTION_PINS, storyIdsIn, type FrontLayout } from '@/lib/validations/front';
import { emptyLayout, reconcileLayout } from '@/lib/front/layout';
import { readStories, summariesById, type PublicStorySummary } from './public-stories';

// The front page as readers see it: the editors' arrangement (the newest published FrontVersion),
// with every slot that is empty, or holds a story no longer live, filled by the newest live story
// not already shown. Also renders a draft for the newsroom's preview.

export type FrontBlock = { name: string; slug: string; stories: PublicStorySummary[] };
export type ResolvedFront = { lead: PublicStorySummary | null; top: PublicStorySummary[]; sections: FrontBlock[]; latest: PublicStorySummary[] };
/** What each slot shows ("lead", "top:0", "section:world:2"), for the desk. */
export type SlotFills = Record<string, { id: string; headline: string } | null>;

const LATEST = 8;

/** The sections the front page has a block for, in their order (names and slugs only). */
export async function listFrontSections(): Promise<{ name: string; slug: string }[]> {
  return db.section.findMany({ orderBy: { position: 'asc' }, select: { name: true, slug: true } });
}

/** The published arrangement, brought up to date with today's sections. */
export async function liveLayout(sections: { slug: string }[]): Promise<FrontLayout> {
  const slugs = sections.map((s) => s.slug);
  const live = await db.frontVersion.findFirst({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' }, select: { layout: true } });
  return (live && reconcileLayout(live.layout, slugs)) ?? emptyLayout(slugs);
}

/** Fills a layout with live stories. */
export async function resolveFront(layout: FrontLayout, sections: { name: string; slug: string }[]): Promise<ResolvedFront & { fills: SlotFills }> {
  const pinnedIds = storyIdsIn(layout);
  const [pinned, newest] = await Promise.all([summariesById(pinnedIds), readStories({ take: 1 + layout.top.length + LATEST + pinnedIds.length })]);
  // Every pinned story that is live keeps its place before any slot is filled by the newest.
  const shown = new Set([...pinned.keys()]);
  const fallback = newest.stories.filter((s) => !shown.has(s.id));
  const fill = (id: string | null) => {
    const story = (id && pinned.get(id)) || fallback.shift() || null;
    if (story) shown.add(story.id);
    return story;
  };
  const fills: SlotFills = {};
  const noted = (key: string, story: PublicStorySummary | null) => ((fills[key] = story && { id: story.id, headline: story.headline }), story);
  const lead = noted('lead', fill(layout.lead));
  const top = layout.top.map((id, i) => noted(`top:${i}`, fill(id))).filter((s): s is PublicStorySummary => s !== null);
  const leading = new Set([lead, ...top].flatMap((s) => (s ? [s.id] : [])));
  const latest = newest.stories.filter((s) => !leading.has(s.id)).slice(0, LATEST);

  const names = new Map(sections.map((s) => [s.slug, s.name]));
  const listed = layout.sections.filter((b) => names.has(b.slug));
  // A block fills only from its own section, and a story has one section, so the blocks cannot take
  // each other's fills: their pages are read at once. (Pinned stories, from anywhere, are in `shown`.)
  const taken = shown.size;
  const pages = await Promise.all(
    listed.map((block) => {
      const wanted = SECTION_PINS - block.pinned.filter((id) => id && pinned.has(id)).length;
      return wanted > 0 ? readStories({ section: block.slug, take: wanted + taken }) : { stories: [] };
    }),
  );
  const blocks: FrontBlock[] = [];
  listed.forEach((block, index) => {
    const name = names.get(block.slug)!;
    const own = block.pinned.flatMap((id) => (id && pinned.get(id) ? [pinned.get(id)!] : []));
    const wanted = SECTION_PINS - own.length;
    const filled = pages[index]!.stories.filter((s) => !shown.has(s.id)).slice(0, wanted);
    filled.forEach((s) => shown.add(s.id));
    // Pinned stories keep their slot order; fills take the remaining slots, newest first.
    const stories = block.pinned
      .map((id, i) => noted(`section:${block.slug}:${i}`, (id && own.find((s) => s.id === id)) || filled.shift() || null))
      .filter((s): s is PublicStorySummary => s !== null);
    if (stories.length > 0) blocks.push({ name, slug: block.slug, stories });
  });
  return { lead, top, sections: blocks, latest, fills };
}

function storiesOn(front: ResolvedFront): PublicStorySummary[] {
  return [front.lead, ...front.top, ...front.sections.flatMap((s) => s.stories), ...front.latest].filter((s): s is PublicStorySummary => s !== null);
}

/** The public front page. */
export const getFrontPage = cached(
  'front',
  async (): Promise<ResolvedFront> => {
    const sections = await listFrontSections();
    const { fills: _fills, ...front } = await resolveFront(await liveLayout(sections), sections);
    return front;
  },
  (_args, front) => [cacheKeys.home, cacheKeys.front, cacheKeys.directory, ...storiesOn(front).map((s) => cacheKeys.story(s.id))],
);
