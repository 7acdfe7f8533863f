import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { addCorrection, listRecentCorrections } from '@/lib/data/corrections';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/data/errors';
import { restoreToReaders, setLegalHold, takeDown } from '@/lib/data/holds';
import { searchPublishedStories } from '@/lib/data/public-search';
import { listNewsSitemapStories, listSitemapStories } from '@/lib/data/public-sitemap';
import { getPublishedStory, getPublishedStoryByIdOrSlug, listPublishedStories, listRelatedStories } from '@/lib/data/public-stories';
import { lookupRetiredPath } from '@/lib/data/story-paths';
import { updateMediaText } from '@/lib/data/media';
import { listSharedPreviews, loadPreview, previewRefusal, revokeSharedPreview, sharePreview } from '@/lib/data/preview';
import { saveStory } from '@/lib/data/stories';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { stepUpdate, transitionStory } from '@/lib/data/workflow';
import { stopBoss } from '@/lib/jobs/boss';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { makeUser, storyFields } from './helpers';

// A legal takedown: the story leaves every public output and its addresses answer 451, while
// it stays published underneath; Restore to readers brings back exactly what was there. And while
// a live story is on legal hold, nothing about it reaches readers.

let reporter: Viewer;
let editor: Viewer;
let section: { id: string; slug: string };
const run = randomUUID().slice(0, 6);

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  const s = await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } });
  section = { id: s.id, slug: s.slug };
});
afterAll(stopBoss);

async function publish(headline: string, tags: string[] = []) {
  const story = await createStory(reporter, storyFields([reporter.id], { headline, sectionId: section.id, tags, body: docFromPlainText(`${headline} was reported on Tuesday.`) }));
  let version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: story.version })).version;
  version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
  await transitionStory(editor, story.id, 'publish', { baseVersion: version });
  return { id: story.id, slug: story.slug };
}

const version = async (id: string) => (await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;

describe('legal takedown', () => {
  it('leaves every public output and answers 451 at each address; Restore to readers brings it back as it was', async () => {
    const word = `zephyrine${run}`;
    const tag = `Dam inquiry ${run}`;
    const story = await publish(`Dam report ${word}`, [tag]);
    const sibling = await publish(`Dam sibling ${run}`, [tag]);
    const visible = async () => {
      const since = new Date(Date.now() - 3_600_000);
      return {
        article: (await getPublishedStory(section.slug, story.slug)) !== null,
        api: (await getPublishedStoryByIdOrSlug(story.id)) !== null,
        list: (await listPublishedStories({ section: section.slug, take: 50 })).stories.some((s) => s.id === story.id),
        search: (await searchPublishedStories(word)).hits.some((h) => h.id === story.id),
        sitemap: (await listSitemapStories({ from: since, to: new Date(Date.now() + 60_000) })).some((u) => u.path.endsWith(story.slug)),
        news: (await listNewsSitemapStories(since)).some((s) => s.path.endsWith(story.slug)),
        related: (await listRelatedStories(sibling.id)).some((s) => s.id === story.id),
        links: (await db.storyTag.count({ where: { storyId: story.id, liveAt: { not: null } } })) > 0,
      };
    };
    const everywhere = { article: true, api: true, list: true, search: true, sitemap: true, news: true, related: true, links: true };
    expect(await visible()).toEqual(everywhere);
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toBeNull();

    await expect(takeDown(reporter, story.id, { reason: 'Injunction' })).rejects.toThrow(ForbiddenError);
    await expect(takeDown(editor, story.id, { reason: '' })).rejects.toThrow(ValidationError);
    await takeDown(editor, story.id, { reason: 'Interim injunction, High Court' });
    expect(await visible()).toEqual(Object.fromEntries(Object.keys(everywhere).map((k) => [k, false])));
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toEqual({ kind: 'withheld' });
    const row = await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { status: true, legalHold: true } });
    expect(row).toEqual({ status: 'PUBLISHED', legalHold: true });
    // Said to the byline, audited with the reason.
    expect(await db.notification.count({ where: { storyId: story.id, userId: reporter.id, kind: 'takedown' } })).toBe(1);
    expect(await db.auditEvent.count({ where: { storyId: story.id, action: 'story.takedown', note: 'Interim injunction, High Court' } })).toBe(1);
    // The purge of everything it was on was recorded with the takedown (no front is configured in
    // this run, so none is owed): see purges.test.ts for the fronts.
    await expect(takeDown(editor, story.id, { reason: 'Again' })).rejects.toThrow(/already taken down/);
    await expect(setLegalHold(editor, story.id, { hold: false, reason: '' })).rejects.toThrow(/restore it to readers/);

    await restoreToReaders(editor, story.id);
    expect(await visible()).toEqual(everywhere);
    expect(await lookupRetiredPath(`${section.slug}/${story.slug}`)).toBeNull();
    expect(await db.notification.count({ where: { storyId: story.id, userId: reporter.id, kind: 'takedownLifted' } })).toBe(1);
    await expect(restoreToReaders(editor, story.id)).rejects.toThrow(/not taken down/);
  });

  it('only a live story can be taken down', async () => {
    const { id } = await createStory(reporter, storyFields([reporter.id], { sectionId: section.id }));
    await expect(takeDown(editor, id, { reason: 'Injunction' })).rejects.toThrow(/Only a published story/);
  });
});

describe('a live story on legal hold', () => {
  it('keeps corrections, updates and caption changes from readers, saying why; all go through once lifted', async () => {
    const story = await publish(`Harbour contract ${run}`);
    const image = await db.media.create({ data: { storageKey: `hold-${run}`, originalName: 'quay.jpg', format: 'webp', width: 4, height: 3, bytes: 5, renditions: [], altText: 'The quay', caption: 'The quay at dawn', uploadedById: reporter.id } });
    await db.story.update({ where: { id: story.id }, data: { featuredImageId: image.id } });
    await setLegalHold(editor, story.id, { hold: true, reason: 'Counsel reviewing' });

    await expect(updateMediaText(editor, image.id, { altText: 'The quay', caption: 'The quay at dusk', credit: '' })).rejects.toThrow(/legal hold/);
    expect((await db.media.findUniqueOrThrow({ where: { id: image.id }, select: { caption: true } })).caption).toBe('The quay at dawn');
    await expect(addCorrection(editor, story.id, { kind: 'CORRECTION', text: 'An earlier version misstated the sum.' })).rejects.toThrow(ConflictError);
    await expect(addCorrection(editor, story.id, { kind: 'CORRECTION', text: 'An earlier version misstated the sum.' })).rejects.toThrow(/legal hold/);
    expect(await db.correction.count({ where: { storyId: story.id } })).toBe(0);

    await stepUpdate(editor, story.id, 'start', { baseVersion: await version(story.id) });
    await expect(stepUpdate(editor, story.id, 'publish', { baseVersion: await version(story.id) })).rejects.toThrow(/legal hold/);
    expect((await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { updateState: true } })).updateState).not.toBeNull();

    await setLegalHold(editor, story.id, { hold: false, reason: '' });
    await addCorrection(editor, story.id, { kind: 'CORRECTION', text: 'An earlier version misstated the sum.' });
    await updateMediaText(editor, image.id, { altText: 'The quay', caption: 'The quay at dusk', credit: '' });
    expect((await listRecentCorrections()).some((c) => c.story.slug === story.slug)).toBe(true);
  });
});

describe('shared preview links', () => {
  it('show the revision they were made from, are listed, revocable, and refused outside the newsroom while the story is on legal hold', async () => {
    const { id, version: first } = await createStory(reporter, storyFields([reporter.id], { sectionId: section.id, headline: `Preview ${run}`, body: docFromPlainText('Two sources confirm it.') }));
    const grant = await sharePreview(reporter, id);
    await saveStory(reporter, id, { ...storyFields([reporter.id], { sectionId: section.id, headline: `Preview ${run}`, body: docFromPlainText('One source has withdrawn.') }), slug: '', baseVersion: first, kind: 'autosave', label: '' });
    expect(JSON.stringify((await loadPreview(grant))!.body)).toContain('Two sources confirm it.');
    expect((await listSharedPreviews(reporter, id)).map((l) => l.id)).toEqual([grant.linkId]);

    await setLegalHold(editor, id, { hold: true, reason: 'Counsel reviewing' });
    expect(await previewRefusal(grant, null)).toEqual({ kind: 'legalHold' });
    expect(await previewRefusal(grant, editor)).toBeNull(); // the newsroom still reads it
    await expect(sharePreview(editor, id)).rejects.toThrow(/legal hold/);
    await setLegalHold(editor, id, { hold: false, reason: '' });
    expect(await previewRefusal(grant, null)).toBeNull();

    const other = await makeUser('REPORTER');
    await expect(revokeSharedPreview(other, id, grant.linkId!)).rejects.toThrow(ForbiddenError);
    await revokeSharedPreview(reporter, id, grant.linkId!);
    expect(await loadPreview(grant)).toBeNull();
    expect(await listSharedPreviews(reporter, id)).toEqual([]);
    await expect(revokeSharedPreview(reporter, id, grant.linkId!)).rejects.toThrow(/already revoked/);
  });
});
