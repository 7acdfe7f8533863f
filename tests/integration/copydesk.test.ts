import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { setChecklistSettings, storyChecklist } from '@/lib/data/checklist';
import { ForbiddenError, ValidationError } from '@/lib/data/errors';
import { setEmbargo, setLegalHold } from '@/lib/data/holds';
import { createStory } from '@/lib/data/stories';
import { storyAbilities } from '@/lib/data/story-abilities';
import { overrideStyleRule } from '@/lib/data/style';
import type { Viewer } from '@/lib/data/viewer';
import { stepUpdate, transitionStory } from '@/lib/data/workflow';
import { stopBoss } from '@/lib/jobs/boss';
import { docFromPlainText } from '@/lib/editor/plain-text';
import type { StoryState } from '@/lib/permissions';
import { makeUser, storyFields } from './helpers';

// The copy desk's gate in the data layer, where every caller (a button, a direct POST, the job
// queue) meets it.

let reporter: Viewer;
let editor: Viewer;
let admin: Viewer;
let sectionId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  admin = await makeUser('ADMIN');
  // A section of its own: its checklist below must not reach other test files' stories.
  sectionId = (await db.section.upsert({ where: { slug: 'copy-desk' }, update: {}, create: { name: 'Copy desk', slug: 'copy-desk', position: 99 } })).id;
});
afterAll(async () => {
  await db.setting.deleteMany({ where: { key: 'copydesk.checklist' } });
  await stopBoss();
});

async function storyIn(status: StoryState, text = 'The council met on Tuesday.') {
  const { id } = await createStory(editor, storyFields([reporter.id], { headline: `Copy desk ${Math.random().toString(36).slice(2, 8)}`, sectionId, body: docFromPlainText(text) }));
  await db.story.update({ where: { id }, data: { status } });
  return id;
}
const version = async (id: string) => (await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const status = async (id: string) => (await db.story.findUniqueOrThrow({ where: { id }, select: { status: true } })).status;

describe('the style gate', () => {
  it('refuses Submit while an error stands, names it, changes nothing; an editor’s override lets it through', async () => {
    const id = await storyIn('DRAFT', 'The minister said, ”we will stay,” and left.');
    const before = await version(id);
    await expect(transitionStory(reporter, id, 'submit', { baseVersion: before })).rejects.toThrow(/Style checks found an error: This quotation opens with a closing mark/);
    expect(await version(id)).toBe(before);
    await expect(overrideStyleRule(reporter, id, 'quote-wrong-opening', 'The source text is quoted as published.')).rejects.toThrow(ForbiddenError);
    await expect(overrideStyleRule(editor, id, 'quote-wrong-opening', 'ok')).rejects.toThrow(/Say why/);
    await overrideStyleRule(editor, id, 'quote-wrong-opening', 'The source text is quoted as published.');
    await transitionStory(reporter, id, 'submit', { baseVersion: before });
    expect(await status(id)).toBe('IN_REVIEW');
    const audit = await db.auditEvent.findFirst({ where: { storyId: id, action: 'story.styleOverride' }, select: { note: true, actorId: true } });
    expect(audit).toEqual({ note: 'quote-wrong-opening: The source text is quoted as published.', actorId: editor.id });
  });

  it('checks a live story’s pending update before it is published', async () => {
    const id = await storyIn('PUBLISHED');
    await db.story.update({ where: { id }, data: { publishedAt: new Date(), firstPublishedAt: new Date() } });
    await stepUpdate(editor, id, 'start', { baseVersion: await version(id) });
    const story = await db.story.findUniqueOrThrow({ where: { id }, select: { pendingUpdate: true } });
    const update = { ...(story.pendingUpdate as object), body: docFromPlainText('Officials said ”no comment” today.') };
    await db.story.update({ where: { id }, data: { pendingUpdate: update } });
    await expect(stepUpdate(editor, id, 'publish', { baseVersion: await version(id) })).rejects.toThrow(/closing mark/);
  });
});

describe('legal hold', () => {
  it('blocks Approve, Schedule and Publish but not Submit; only editors set it; lifting restores them', async () => {
    const review = await storyIn('IN_REVIEW');
    const approved = await storyIn('APPROVED');
    await expect(setLegalHold(reporter, approved, { hold: true, reason: 'Counsel reviewing' })).rejects.toThrow(ForbiddenError);
    await expect(setLegalHold(editor, approved, { hold: true, reason: '' })).rejects.toThrow(ValidationError);
    for (const id of [review, approved]) await setLegalHold(editor, id, { hold: true, reason: 'Counsel reviewing' });
    await expect(transitionStory(editor, review, 'approve', { baseVersion: await version(review) })).rejects.toThrow(/legal hold \(Counsel reviewing\)/);
    await expect(transitionStory(editor, approved, 'publish', { baseVersion: await version(approved) })).rejects.toThrow(/legal hold/);
    await expect(transitionStory(editor, approved, 'schedule', { baseVersion: await version(approved), publishAt: new Date(Date.now() + 3_600_000) })).rejects.toThrow(/legal hold/);
    const draft = await storyIn('DRAFT');
    await setLegalHold(admin, draft, { hold: true, reason: 'Counsel reviewing' });
    await transitionStory(reporter, draft, 'submit', { baseVersion: await version(draft) });
    expect(await status(draft)).toBe('IN_REVIEW');

    // The page still shows the steps, disabled, with the reason; Request changes stays open.
    const shown = async (id: string) => Object.fromEntries((await storyAbilities(editor, id)).steps.map((s) => [s.name, s.blocked ? s.reason : 'open']));
    expect(await shown(approved)).toEqual({ publish: expect.stringMatching(/^On legal hold/), schedule: expect.stringMatching(/^On legal hold/), requestChanges: 'open' });
    expect((await shown(review)).approve).toMatch(/^On legal hold/);

    await setLegalHold(editor, approved, { hold: false, reason: '' });
    expect(await shown(approved)).toEqual({ publish: 'open', schedule: 'open', requestChanges: 'open' });
    await transitionStory(editor, approved, 'publish', { baseVersion: await version(approved) });
    expect(await status(approved)).toBe('PUBLISHED');
    const notes = await db.notification.count({ where: { storyId: approved, kind: { in: ['legalHold', 'legalHoldLifted'] }, userId: reporter.id } });
    expect(notes).toBe(2);
  });
});

describe('embargo', () => {
  it('refuses publishing now and scheduling before it; accepts a schedule at or after it; not settable past a schedule', async () => {
    const id = await storyIn('APPROVED');
    const until = new Date(Date.now() + 2 * 3_600_000);
    await expect(setEmbargo(reporter, id, until)).rejects.toThrow(ForbiddenError);
    await setEmbargo(editor, id, until);
    await expect(transitionStory(editor, id, 'publish', { baseVersion: await version(id) })).rejects.toThrow(/embargoed until/);
    // The page shows Publish disabled with the reason; Schedule stays open.
    const steps = (await storyAbilities(editor, id)).steps;
    expect(steps.find((s) => s.name === 'publish')).toMatchObject({ blocked: true, reason: expect.stringMatching(/^Under embargo/) });
    expect(steps.find((s) => s.name === 'schedule')?.blocked).toBeUndefined();
    await expect(transitionStory(editor, id, 'schedule', { baseVersion: await version(id), publishAt: new Date(until.getTime() - 60_000) })).rejects.toThrow(/embargoed until/);
    await transitionStory(editor, id, 'schedule', { baseVersion: await version(id), publishAt: until });
    expect(await status(id)).toBe('SCHEDULED');
    // The schedule stands at the embargo: a later embargo would contradict it.
    await expect(setEmbargo(editor, id, new Date(until.getTime() + 60_000))).rejects.toThrow(ForbiddenError);
  });
});

describe('the pre-publish checklist', () => {
  it('required items block Publish and Schedule with their names; optional ones are shown only', async () => {
    await setChecklistSettings(admin, { default: ['section', 'styleClean', 'legalHold'], 'copy-desk': ['section', 'tag', 'dek'] });
    await expect(setChecklistSettings(editor, { default: [] })).rejects.toThrow(ForbiddenError);
    const id = await storyIn('APPROVED');
    const items = await storyChecklist(id);
    expect(items.filter((i) => i.required).map((i) => [i.id, i.ok])).toEqual([
      ['section', true],
      ['tag', false],
      ['dek', false],
    ]);
    expect(items.find((i) => i.id === 'legalHold')).toMatchObject({ ok: true, required: false });
    await expect(transitionStory(editor, id, 'publish', { baseVersion: await version(id) })).rejects.toThrow('The pre-publish checklist is not complete: at least one tag, a dek.');
    await db.story.update({ where: { id }, data: { dek: 'A dek.', tags: { create: { tag: { create: { name: 'Checklist', slug: `checklist-${id}` } } } } } });
    await transitionStory(editor, id, 'publish', { baseVersion: await version(id) });
    expect(await status(id)).toBe('PUBLISHED');
  });
});

describe('suggestions in the story’s history', () => {
  it('survive a save, a revision, a diff and a restore', async () => {
    const { saveStory } = await import('@/lib/data/stories');
    const { compareRevisions, listRevisions, restoreRevision } = await import('@/lib/data/revisions');
    const id = await storyIn('IN_REVIEW', 'The council approved the budget.');
    const suggestion = { type: 'insertion' as const, attrs: { id: 1, author: 'Eden Park', at: '2026-12-03T10:00:00.000Z' } };
    const suggested = {
      type: 'doc' as const,
      content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'The council approved the ' }, { type: 'text' as const, text: 'revised ', marks: [suggestion] }, { type: 'text' as const, text: 'budget.' }] }],
    };
    const fields = storyFields([reporter.id], { headline: 'Suggestions in history', sectionId, body: suggested });
    await saveStory(editor, id, { ...fields, baseVersion: await version(id), kind: 'manual', label: 'With a suggestion' });
    const revisions = await listRevisions(editor, id);
    const withSuggestion = revisions.find((r) => r.label === 'With a suggestion')!;
    // Accepted by plain text later; the revision before keeps the suggestion.
    await saveStory(editor, id, { ...fields, body: docFromPlainText('The council approved the revised budget.'), baseVersion: await version(id), kind: 'manual', label: 'Accepted' });
    const accepted = (await listRevisions(editor, id)).find((r) => r.label === 'Accepted')!;
    const diff = await compareRevisions(editor, id, withSuggestion.id, accepted.id);
    expect(JSON.stringify(diff)).toContain('revised');
    await restoreRevision(editor, id, withSuggestion.id, await version(id));
    const row = await db.story.findUniqueOrThrow({ where: { id }, select: { body: true } });
    expect(JSON.stringify(row.body)).toContain('"type":"insertion"');
    // The author is the person who saved the suggestion, as the server stamped it.
    expect(JSON.stringify(row.body)).toContain(`"author":"${editor.name}"`);
  });
});

describe('suggestion authors', () => {
  it('are stamped by the server: a new suggestion carries who saved it, an old one keeps its author, whatever the browser claims', async () => {
    const { saveStory } = await import('@/lib/data/stories');
    const id = await storyIn('IN_REVIEW', 'The council approved the budget.');
    const mark = (id: string, author: string) => ({ type: 'insertion' as const, attrs: { id, author, at: '2020-01-01T00:00:00Z' } });
    const body = (marks: ReturnType<typeof mark>[]) => ({
      type: 'doc' as const,
      content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: 'The council approved the ' }, ...marks.map((m, i) => ({ type: 'text' as const, text: `word${i} `, marks: [m] })), { type: 'text' as const, text: 'budget.' }] }],
    });
    const fields = (marks: ReturnType<typeof mark>[]) => ({ ...storyFields([reporter.id], { sectionId, body: body(marks) }), slug: '' });
    const authors = async () => {
      const row = await db.story.findUniqueOrThrow({ where: { id }, select: { body: true } });
      return JSON.stringify(row.body).match(/"author":"[^"]*"/g);
    };
    // The editor's browser claims the reporter suggested it.
    await saveStory(editor, id, { ...fields([mark('s1', reporter.name)]), baseVersion: await version(id), kind: 'autosave', label: '' });
    expect(await authors()).toEqual([`"author":"${editor.name}"`]);
    // A second editor's save cannot rewrite the attribution of the first's suggestion; theirs is their own.
    await saveStory(admin, id, { ...fields([mark('s1', admin.name), mark('s2', 'Someone Else')]), baseVersion: await version(id), kind: 'autosave', label: '' });
    expect(await authors()).toEqual([`"author":"${editor.name}"`, `"author":"${admin.name}"`]);
    const stored = JSON.stringify((await db.story.findUniqueOrThrow({ where: { id }, select: { body: true } })).body);
    expect(stored).not.toContain('2020-01-01');
  });
});
