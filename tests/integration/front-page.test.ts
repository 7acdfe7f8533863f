import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ConflictError, ForbiddenError, ValidationError } from '@/lib/data/errors';
import { getFrontDesk, publishFront, restoreFrontVersion, saveFrontDraft, searchFrontStories } from '@/lib/data/front';
import { publishDueFrontVersions } from '@/lib/data/front-schedule';
import { getFrontPage } from '@/lib/data/public-front';
import { readStories } from '@/lib/data/public-stories';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { transitionStory } from '@/lib/data/workflow';
import { stopBoss } from '@/lib/jobs/boss';
import { frontLayoutSchema, type FrontLayout } from '@/lib/validations/front';
import { emptyLayout } from '@/lib/front/layout';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let editor: Viewer;
let sections: string[];
let sectionId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } })).id;
  sections = (await db.section.findMany({ orderBy: { position: 'asc' }, select: { slug: true } })).map((s) => s.slug);
});
afterAll(stopBoss);

/** A live story, published a minute ago by default. */
async function liveStory(headline: string, publishedAt = new Date(Date.now() - 60_000)) {
  const { id } = await createStory(editor, storyFields([reporter.id], { headline, sectionId }));
  await db.story.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt, firstPublishedAt: publishedAt } });
  return id;
}

const layoutWith = (changes: Partial<FrontLayout>): FrontLayout => ({ ...emptyLayout(sections), ...changes });

describe('the curated front page', () => {
  it('leads with the chosen story, even an old one, and fills empty slots with the newest not shown', async () => {
    const old = await liveStory(`Front old lead ${Date.now()}`, new Date('2020-01-01T00:00:00Z'));
    const pinnedTop = await liveStory(`Front pinned top ${Date.now()}`, new Date('2020-01-02T00:00:00Z'));
    for (let i = 0; i < 4; i++) await liveStory(`Front filler ${i} ${Date.now()}`);
    await publishFront(editor, { layout: layoutWith({ lead: old, top: [null, pinnedTop, null, null] }), note: '', publishAt: null });

    const front = await getFrontPage();
    expect(front.lead?.id).toBe(old);
    expect(front.top[1]?.id).toBe(pinnedTop);
    // Slot 1 falls back to the newest live story not already on the page: at least as new as the
    // fillers (other test files may publish newer ones meanwhile).
    const fillers = await db.story.findMany({ where: { headline: { startsWith: 'Front filler' } }, select: { publishedAt: true } });
    const newestFiller = Math.max(...fillers.map((f) => f.publishedAt!.getTime()));
    expect(front.top[0]!.id).not.toBe(old);
    expect(front.top[0]!.publishedAt.getTime()).toBeGreaterThanOrEqual(newestFiller);
    const ids = [front.lead, ...front.top, ...front.sections.flatMap((s) => s.stories)].map((s) => s!.id);
    expect(new Set(ids).size).toBe(ids.length); // nothing shown twice outside the Latest list
  });

  it('restoring an earlier version brings its lead back, as a new version', async () => {
    const first = await liveStory(`Front first ${Date.now()}`);
    const second = await liveStory(`Front second ${Date.now()}`);
    const v1 = await publishFront(editor, { layout: layoutWith({ lead: first }), note: 'First', publishAt: null });
    await publishFront(editor, { layout: layoutWith({ lead: second }), note: 'Second', publishAt: null });
    expect((await getFrontPage()).lead?.id).toBe(second);

    const { number } = await restoreFrontVersion(editor, v1.id);
    expect(number).toBeGreaterThan(v1.number + 1);
    expect((await getFrontPage()).lead?.id).toBe(first);
    const audit = await db.auditEvent.findFirst({ where: { entityType: 'front' }, orderBy: { createdAt: 'desc' }, select: { action: true, note: true, actorId: true } });
    expect(audit).toEqual({ action: 'front.publish', note: `Restored version ${v1.number}`, actorId: editor.id });
  });

  it('unpublishing the lead empties its slot in a new version; the fallback fills it', async () => {
    const lead = await liveStory(`Front doomed lead ${Date.now()}`);
    await publishFront(editor, { layout: layoutWith({ lead }), note: '', publishAt: null });
    const newestOther = (await readStories({ take: 2 })).stories.find((s) => s.id !== lead)!;
    const { version } = await db.story.findUniqueOrThrow({ where: { id: lead }, select: { version: true } });
    await transitionStory(editor, lead, 'unpublish', { baseVersion: version });

    const live = await db.frontVersion.findFirstOrThrow({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' }, select: { layout: true, note: true } });
    expect(frontLayoutSchema.parse(live.layout).lead).toBeNull();
    expect(live.note).toMatch(/unpublished/);
    const front = await getFrontPage();
    expect(front.lead?.id).not.toBe(lead);
    expect(front.lead!.publishedAt.getTime()).toBeGreaterThanOrEqual(newestOther.publishedAt.getTime());
  });

  it('a scheduled version goes live when due, once', async () => {
    const now = await liveStory(`Front leads now ${Date.now()}`, new Date('2021-01-01T00:00:00Z'));
    await publishFront(editor, { layout: layoutWith({ lead: now }), note: '', publishAt: null });
    const lead = await liveStory(`Front scheduled ${Date.now()}`);
    const { id } = await publishFront(editor, { layout: layoutWith({ lead }), note: '', publishAt: new Date(Date.now() + 60_000) });
    expect((await getFrontPage()).lead?.id).toBe(now);
    await db.frontVersion.update({ where: { id }, data: { publishAt: new Date(Date.now() - 1000) } });
    expect(await publishDueFrontVersions()).toBe(1);
    expect(await publishDueFrontVersions()).toBe(0);
    expect((await getFrontPage()).lead?.id).toBe(lead);
  });

  it('refuses stories that are not live, unknown sections and reporters, changing nothing', async () => {
    const before = await db.frontVersion.count();
    const { id: draft } = await createStory(editor, storyFields([reporter.id], { headline: 'Front draft story', sectionId }));
    await expect(publishFront(editor, { layout: layoutWith({ lead: draft }), note: '', publishAt: null })).rejects.toThrow(ValidationError);
    await expect(publishFront(editor, { layout: { ...layoutWith({}), sections: [{ slug: 'no-such-section', pinned: [null, null, null, null] }] }, note: '', publishAt: null })).rejects.toThrow(/no section/);
    await expect(publishFront(reporter, { layout: layoutWith({}), note: '', publishAt: null })).rejects.toThrow(ForbiddenError);
    await expect(publishFront(editor, { layout: layoutWith({}), note: '', publishAt: new Date(Date.now() - 1000) })).rejects.toThrow(/future/);
    await expect(getFrontDesk(reporter)).rejects.toThrow(ForbiddenError);
    await expect(searchFrontStories(reporter, '')).rejects.toThrow(ForbiddenError);
    expect(await db.frontVersion.count()).toBe(before);
    // The same story twice is not a layout at all.
    const live = await liveStory(`Front twice ${Date.now()}`);
    expect(frontLayoutSchema.safeParse(layoutWith({ lead: live, top: [live, null, null, null] })).success).toBe(false);
  });

  it('the shared draft is saved by version: a stale save is a conflict, not an overwrite', async () => {
    await db.frontDraft.deleteMany();
    const a = await liveStory(`Front draft a ${Date.now()}`);
    const b = await liveStory(`Front draft b ${Date.now()}`);
    const saved = await saveFrontDraft(editor, layoutWith({ lead: a }), 0);
    expect(saved.version).toBe(1);
    // The desk is told what each slot would show: the chosen lead, and the newest for the rest.
    expect(saved.fills.lead).toEqual({ id: a, headline: expect.stringContaining('Front draft a') });
    // (Which story is newest depends on what other test files publish meanwhile: any live one but a.)
    const fill = saved.fills['top:0'];
    expect(fill?.id).toBeTruthy();
    expect(fill?.id).not.toBe(a);
    expect((await db.story.findUniqueOrThrow({ where: { id: fill!.id }, select: { status: true } })).status).toBe('PUBLISHED');
    expect((await saveFrontDraft(editor, layoutWith({ lead: b }), 1)).version).toBe(2);
    await expect(saveFrontDraft(editor, layoutWith({ lead: a }), 1)).rejects.toThrow(ConflictError);
    const desk = await getFrontDesk(editor);
    expect(desk.layout.lead).toBe(b);
    expect(desk.draftVersion).toBe(2);
    expect(desk.stories[b]?.live).toBe(true);
    // Publishing ends the draft.
    await publishFront(editor, { layout: desk.layout, note: '', publishAt: null });
    expect((await getFrontDesk(editor)).draftVersion).toBe(0);
  });

  it('the picker finds live stories by words of their headline, not drafts', async () => {
    const word = `zebra${Date.now()}`;
    const live = await liveStory(`Front ${word} crossing`);
    await createStory(editor, storyFields([reporter.id], { headline: `Front ${word} draft`, sectionId }));
    const found = await searchFrontStories(editor, `${word.toUpperCase()} crossing`);
    expect(found.map((s) => s.id)).toEqual([live]);
  });
});
