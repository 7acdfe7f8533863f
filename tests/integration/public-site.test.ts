import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { getPublicAuthor, getPublicTag } from '@/lib/data/public-directory';
import { searchPublishedStories } from '@/lib/data/public-search';
import { getPublishedStory, getPublishedStoryByIdOrSlug, listPublishedStories, listRelatedStories } from '@/lib/data/public-stories';
import { changeStorySlug } from '@/lib/data/slug-change';
import { lookupRetiredPath } from '@/lib/data/story-paths';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { transitionStory } from '@/lib/data/workflow';
import { stopBoss } from '@/lib/jobs/boss';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { BadCursorError } from '@/lib/pagination';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let editor: Viewer;
let section: { id: string; slug: string };
const run = randomUUID().slice(0, 6);

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  const s = await db.section.upsert({ where: { slug: 'business' }, update: {}, create: { name: 'Business', slug: 'business' } });
  section = { id: s.id, slug: s.slug };
});

afterAll(stopBoss);

async function publish(headline: string, options: { tags?: string[]; text?: string } = {}) {
  const story = await createStory(reporter, storyFields([reporter.id], { headline, sectionId: section.id, tags: options.tags ?? [], body: docFromPlainText(options.text ?? 'Text.') }));
  let version = story.version;
  version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: version })).version;
  version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
  version = (await transitionStory(editor, story.id, 'publish', { baseVersion: version })).version;
  return { id: story.id, slug: story.slug, version };
}

describe('public reads follow every write that changes them', () => {
  it('tag and author lists come from the links’ copy of publication: same order as the section, by cursor, without repeats', async () => {
    const tag = `Tide tables ${run}`;
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await publish(`Tide table ${i} ${run}`, { tags: [tag] })).id);
    const links = await db.storyTag.findMany({ where: { storyId: { in: ids } }, select: { liveAt: true, story: { select: { publishedAt: true } } } });
    expect(links).toHaveLength(5);
    for (const link of links) expect(link.liveAt).toEqual(link.story.publishedAt);
    const tagSlug = (await db.tag.findFirstOrThrow({ where: { name: tag } })).slug;
    const bySection = (await listPublishedStories({ section: section.slug, take: 100 })).stories.map((s) => s.id).filter((id) => ids.includes(id));
    const pageThrough = async (filter: { tag?: string; author?: string }) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await listPublishedStories({ ...filter, take: 2, cursor });
        seen.push(...page.stories.map((s) => s.id));
        cursor = page.nextCursor;
      } while (cursor);
      return seen;
    };
    expect(await pageThrough({ tag: tagSlug })).toEqual(bySection);
    const authorSlug = (await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).slug;
    expect((await pageThrough({ author: authorSlug })).filter((id) => ids.includes(id))).toEqual(bySection);

    // Unpublishing clears the copies (a trigger on the story), so the story leaves both lists.
    const [first] = await db.story.findMany({ where: { id: ids[0] }, select: { version: true } });
    await transitionStory(editor, ids[0]!, 'unpublish', { baseVersion: first!.version });
    expect((await db.storyAuthor.findFirstOrThrow({ where: { storyId: ids[0] } })).liveAt).toBeNull();
    expect(await pageThrough({ tag: tagSlug })).toEqual(bySection.filter((id) => id !== ids[0]));
  });

  it('a published story appears in its lists at once; unpublished, it leaves them and its URL is gone', async () => {
    const tag = `Harbours ${run}`;
    const before = await listPublishedStories({ section: section.slug, take: 100 }); // warms the cache
    const story = await publish(`Ferries at night ${run}`, { tags: [tag] });
    expect(before.stories.map((s) => s.id)).not.toContain(story.id);
    expect((await listPublishedStories({ section: section.slug, take: 100 })).stories.map((s) => s.id)).toContain(story.id);
    const tagSlug = (await getPublishedStory(section.slug, story.slug))!.tags[0]!.slug;
    expect((await getPublicTag(tagSlug))?.storyCount).toBe(1);
    expect((await listPublishedStories({ tag: tagSlug })).stories.map((s) => s.id)).toEqual([story.id]);
    expect((await getPublicAuthor((await db.user.findUniqueOrThrow({ where: { id: reporter.id } })).slug))?.storyCount).toBeGreaterThanOrEqual(1);
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toBeNull();

    await transitionStory(editor, story.id, 'unpublish', { baseVersion: story.version });
    expect((await listPublishedStories({ section: section.slug, take: 100 })).stories.map((s) => s.id)).not.toContain(story.id);
    expect(await getPublishedStory(section.slug, story.slug)).toBeNull();
    expect(await getPublishedStoryByIdOrSlug(story.id)).toBeNull();
    expect(await getPublicTag(tagSlug)).toBeNull();
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toEqual({ kind: 'gone' });
  });

  it('a slug change keeps the old path as a redirect, and only editors may make it', async () => {
    const story = await publish(`Port reopens ${run}`);
    await expect(changeStorySlug(reporter, story.id, { slug: `port-reopens-${run}-b`, baseVersion: story.version })).rejects.toThrow(ForbiddenError);
    await expect(changeStorySlug(editor, story.id, { slug: story.slug, baseVersion: story.version })).rejects.toThrow(ValidationError);
    await expect(changeStorySlug(editor, story.id, { slug: `port-reopens-${run}-b`, baseVersion: story.version - 1 })).rejects.toThrow(VersionConflictError);
    const other = await publish(`Other ${run}`);
    await expect(changeStorySlug(editor, story.id, { slug: other.slug, baseVersion: story.version })).rejects.toThrow('Another story already uses this slug.');

    await changeStorySlug(editor, story.id, { slug: `port-reopens-${run}-b`, baseVersion: story.version });
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toEqual({ kind: 'moved', to: `/${section.slug}/port-reopens-${run}-b` });
    expect(await getPublishedStory(section.slug, story.slug)).toBeNull();
    expect((await getPublishedStory(section.slug, `port-reopens-${run}-b`))?.id).toBe(story.id);
    // Renamed again: both earlier URLs lead to the newest.
    await changeStorySlug(editor, story.id, { slug: `port-reopens-${run}-c`, baseVersion: story.version + 1 });
    for (const old of [story.slug, `port-reopens-${run}-b`]) {
      expect(await lookupRetiredPath(`${section.slug}/${old}`)).toEqual({ kind: 'moved', to: `/${section.slug}/port-reopens-${run}-c` });
    }
    const audit = await db.auditEvent.findMany({ where: { storyId: story.id, action: 'story.slug' }, orderBy: { createdAt: 'asc' }, select: { fromState: true, toState: true, actorId: true } });
    expect(audit).toEqual([
      { fromState: story.slug, toState: `port-reopens-${run}-b`, actorId: editor.id },
      { fromState: `port-reopens-${run}-b`, toState: `port-reopens-${run}-c`, actorId: editor.id },
    ]);
  });

  it('a new story that takes a retired slug takes its path back', async () => {
    const first = await publish(`Tram line ${run}`);
    await changeStorySlug(editor, first.id, { slug: `${first.slug}-old`, baseVersion: first.version });
    expect((await lookupRetiredPath(`${section.slug}/${first.slug}`))?.kind).toBe('moved');
    const second = await createStory(reporter, storyFields([reporter.id], { headline: 'Tram line again', slug: first.slug, sectionId: section.id }));
    let version = second.version;
    version = (await transitionStory(reporter, second.id, 'submit', { baseVersion: version })).version;
    version = (await transitionStory(editor, second.id, 'approve', { baseVersion: version })).version;
    await transitionStory(editor, second.id, 'publish', { baseVersion: version });
    expect(await lookupRetiredPath(`${section.slug}/${first.slug}`)).toBeNull();
    expect((await getPublishedStory(section.slug, first.slug))?.id).toBe(second.id);
  });
});

describe('the featured image', () => {
  it('comes with every rendition for srcset, the largest sensible one as src, alt, caption and credit', async () => {
    const renditions = [480, 960, 1600].map((width) => ({ width, height: Math.round(width * 0.66), key: `k/${width}.webp`, src: `/media/k/${width}.webp`, bytes: width * 10 }));
    const media = await db.media.create({
      data: { storageKey: `k-${run}`, originalName: 'harbour.jpg', format: 'jpeg', width: 1600, height: 1056, bytes: 1, renditions, altText: 'Ferries at the quay', caption: 'The night ferry', credit: 'Photo: Desk', uploadedById: reporter.id },
    });
    const story = await createStory(reporter, storyFields([reporter.id], { headline: `Pictured ${run}`, sectionId: section.id, featuredImageId: media.id }));
    let version = story.version;
    version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: version })).version;
    version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
    await transitionStory(editor, story.id, 'publish', { baseVersion: version });
    const live = await getPublishedStory(section.slug, story.slug);
    expect(live?.image).toEqual({
      src: '/media/k/1600.webp',
      srcSet: '/media/k/480.webp 480w, /media/k/960.webp 960w, /media/k/1600.webp 1600w',
      width: 1600,
      height: 1056,
      alt: 'Ferries at the quay',
      caption: 'The night ferry',
      credit: 'Photo: Desk',
    });
  });
});

describe('search and related stories', () => {
  it('ranks headline matches first, pages by cursor without repeats, and never finds drafts', async () => {
    const word = `zanzibarite${run}`;
    const strong = await publish(`${word} exports double`, { text: `Exports of ${word} rose.` });
    const weak: string[] = [];
    for (let i = 0; i < 4; i++) weak.push((await publish(`Quarry report ${i} ${run}`, { text: `A mention of ${word} in passing.` })).id);
    await createStory(reporter, storyFields([reporter.id], { headline: `${word} draft`, sectionId: section.id }));

    const first = await searchPublishedStories(word, { take: 2 });
    expect(first.hits[0]!.id).toBe(strong.id);
    expect(first.hits[0]!.snippet).toContain(`\uE000${word}\uE001`);
    const seen = first.hits.map((h) => h.id);
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await searchPublishedStories(word, { take: 2, cursor });
      seen.push(...page.hits.map((h) => h.id));
      cursor = page.nextCursor;
    }
    expect(seen.sort()).toEqual([strong.id, ...weak].sort());
    expect((await searchPublishedStories(word, { section: 'world' })).hits).toEqual([]);
    await expect(searchPublishedStories(word, { cursor: 'nonsense' })).rejects.toThrow(BadCursorError);
    expect((await searchPublishedStories('   ')).hits).toEqual([]);
    expect((await searchPublishedStories('"unbalanced ( & | !')).hits).toEqual([]);
  });

  it('related stories share tags, the most shared first, and are live', async () => {
    const a = await publish(`Rail A ${run}`, { tags: [`Rail ${run}`, `Freight ${run}`] });
    const b = await publish(`Rail B ${run}`, { tags: [`Rail ${run}`, `Freight ${run}`] });
    const c = await publish(`Rail C ${run}`, { tags: [`Rail ${run}`] });
    await publish(`Unrelated ${run}`, { tags: [`Weather ${run}`] });
    expect((await listRelatedStories(a.id, 4)).map((s) => s.id)).toEqual([b.id, c.id]);
    await transitionStory(editor, b.id, 'unpublish', { baseVersion: b.version });
    expect((await listRelatedStories(a.id, 4)).map((s) => s.id)).toEqual([c.id]);
  });
});
