import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { listAuditEvents } from '@/lib/data/audit';
import { addCorrection, listRecentCorrections } from '@/lib/data/corrections';
import { ForbiddenError } from '@/lib/data/errors';
import { countUnread, openInbox } from '@/lib/data/notifications';
import { getPublishedStory } from '@/lib/data/public-stories';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { transitionStory } from '@/lib/data/workflow';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let editor: Viewer;
let admin: Viewer;
let sectionId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  admin = await makeUser('ADMIN');
  sectionId = (await db.section.upsert({ where: { slug: 'opinion' }, update: {}, create: { name: 'Opinion', slug: 'opinion' } })).id;
});

async function story(status: 'DRAFT' | 'PUBLISHED') {
  const created = await createStory(reporter, storyFields([reporter.id], { sectionId, body: docFromPlainText('The council voted 7 to 2.') }));
  if (status === 'PUBLISHED') await db.story.update({ where: { id: created.id }, data: { status, publishedAt: new Date(Date.now() - 60_000) } });
  return created;
}

describe('corrections', () => {
  it('are added by editors to live stories, shown with their date, and move the updated time', async () => {
    const { id, slug } = await story('PUBLISHED');
    await addCorrection(editor, id, { kind: 'CORRECTION', text: 'An earlier version gave the vote as 7 to 2; it was 6 to 3.' });
    const page = await getPublishedStory('opinion', slug);
    expect(page!.corrections).toEqual([expect.objectContaining({ kind: 'CORRECTION', text: 'An earlier version gave the vote as 7 to 2; it was 6 to 3.' })]);
    expect(page!.publicUpdatedAt).toEqual(page!.corrections[0]!.createdAt);
    expect((await listRecentCorrections()).map((c) => c.story.slug)).toContain(slug);
    const { events } = await listAuditEvents(admin, { action: 'story.correction' });
    expect(events.find((e) => e.storyId === id)).toMatchObject({ actor: editor.name, toState: 'CORRECTION' });
  });

  it('are refused to reporters and on stories that are not live', async () => {
    const live = await story('PUBLISHED');
    const draft = await story('DRAFT');
    await expect(addCorrection(reporter, live.id, { kind: 'CLARIFICATION', text: 'A clarification.' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addCorrection(editor, draft.id, { kind: 'CLARIFICATION', text: 'A clarification.' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.correction.count({ where: { storyId: { in: [live.id, draft.id] } } })).toBe(0);
  });
});

describe('notifications', () => {
  it('tell editors about a submission and the reporter about the review, but nobody about their own act', async () => {
    const { id } = await story('DRAFT');
    const editorBefore = await countUnread(editor);
    await transitionStory(reporter, id, 'submit', { baseVersion: 1 });
    expect(await countUnread(editor)).toBe(editorBefore + 1);
    expect(await db.notification.count({ where: { userId: reporter.id, storyId: id } })).toBe(0);

    await transitionStory(editor, id, 'requestChanges', { baseVersion: 2, note: 'Check the vote count.' });
    const inbox = await openInbox(reporter);
    expect(inbox[0]).toMatchObject({ kind: 'requestChanges', storyId: id, read: false, text: `${editor.name} asked for changes to “${(await db.story.findUniqueOrThrow({ where: { id } })).headline}”: Check the vote count.` });
    expect(await countUnread(reporter)).toBe(0);
    expect((await openInbox(reporter))[0]!.read).toBe(true);
  });

  it('opening the inbox marks read only the hundred it shows, not older ones beyond them', async () => {
    const person = await makeUser('REPORTER');
    const old = new Date(Date.now() - 86_400_000);
    await db.notification.createMany({ data: Array.from({ length: 105 }, (_, i) => ({ userId: person.id, kind: 'test', text: `Note ${i}`, createdAt: new Date(old.getTime() + i * 1000) })) });
    const shown = await openInbox(person);
    expect(shown).toHaveLength(100);
    expect(shown.every((n) => !n.read)).toBe(true);
    expect(await countUnread(person)).toBe(5);
    const stillUnread = await db.notification.findMany({ where: { userId: person.id, readAt: null }, select: { text: true }, orderBy: { createdAt: 'asc' } });
    expect(stillUnread.map((n) => n.text)).toEqual(['Note 0', 'Note 1', 'Note 2', 'Note 3', 'Note 4']);
  });
});

describe('the audit log', () => {
  it('is for admins only and filters by action and person', async () => {
    await expect(listAuditEvents(editor)).rejects.toBeInstanceOf(ForbiddenError);
    const { events } = await listAuditEvents(admin, { actorId: reporter.id, action: 'story.submit' });
    expect(events.length).toBeGreaterThan(0);
    expect(events.every((e) => e.action === 'story.submit' && e.actor === reporter.name)).toBe(true);
  });
});
