import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError } from '@/lib/data/errors';
import { changesForReview } from '@/lib/data/revisions';
import { getPublishedStory } from '@/lib/data/public-stories';
import { createStory, getStoryForEdit, saveStory } from '@/lib/data/stories';
import { stepUpdate } from '@/lib/data/workflow';
import type { Viewer } from '@/lib/data/viewer';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let editor: Viewer;
let sectionId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } })).id;
});

async function liveStory() {
  const { id, slug } = await createStory(reporter, storyFields([reporter.id], { sectionId, body: docFromPlainText('The live text.') }));
  await db.story.update({ where: { id }, data: { status: 'PUBLISHED', publishedAt: new Date(Date.now() - 60_000), firstPublishedAt: new Date(Date.now() - 60_000) } });
  return { id, slug };
}
const version = async (id: string) => (await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const save = async (viewer: Viewer, id: string, text: string) => {
  const story = await getStoryForEdit(viewer, id);
  return saveStory(viewer, id, { ...story, body: docFromPlainText(text), baseVersion: story.version, kind: 'autosave', label: '' });
};

describe('updates to live stories', () => {
  it('are edited on a pending version while readers keep the live one, then replace it', async () => {
    const { id, slug } = await liveStory();
    await stepUpdate(editor, id, 'start', { baseVersion: await version(id) });
    await save(editor, id, 'The corrected text.');
    expect((await getStoryForEdit(editor, id)).body).toEqual(docFromPlainText('The corrected text.'));
    expect((await getPublishedStory('world', slug))!.body).toEqual(docFromPlainText('The live text.'));

    await stepUpdate(editor, id, 'publish', { baseVersion: await version(id) });
    const live = await getPublishedStory('world', slug);
    expect(live!.body).toEqual(docFromPlainText('The corrected text.'));
    expect(live!.publicUpdatedAt).not.toBeNull();
    const after = await getStoryForEdit(editor, id);
    expect(after.update).toBeNull();
    expect(after.status).toBe('PUBLISHED');
  });

  it('from a reporter go through review: the reporter cannot publish, an editor can after submission', async () => {
    const { id, slug } = await liveStory();
    await stepUpdate(reporter, id, 'start', { baseVersion: await version(id) });
    await save(reporter, id, 'The reporter’s fix.');
    await expect(stepUpdate(reporter, id, 'publish', { baseVersion: await version(id) })).rejects.toBeInstanceOf(ForbiddenError);
    await stepUpdate(reporter, id, 'submit', { baseVersion: await version(id) });
    // The reviewing editor sees the update against what readers see now.
    const changes = await changesForReview(editor, id);
    expect(changes?.since.label).toBe('the published version');
    expect(changes?.paragraphs).toHaveLength(1);
    const [paragraph] = changes!.paragraphs;
    expect(paragraph!.kind).toBe('changed');
    const parts = paragraph!.kind === 'changed' ? paragraph!.parts : [];
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('The live text.');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('The reporter’s fix.');
    // In review, the reporter can no longer edit the update.
    await expect(save(reporter, id, 'Sneaky change.')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getPublishedStory('world', slug))!.body).toEqual(docFromPlainText('The live text.'));
    await stepUpdate(editor, id, 'publish', { baseVersion: await version(id) });
    expect((await getPublishedStory('world', slug))!.body).toEqual(docFromPlainText('The reporter’s fix.'));
  });

  it('can be discarded, leaving the live story as it was', async () => {
    const { id, slug } = await liveStory();
    await stepUpdate(editor, id, 'start', { baseVersion: await version(id) });
    await save(editor, id, 'Never mind.');
    await stepUpdate(editor, id, 'discard', { baseVersion: await version(id) });
    expect((await getPublishedStory('world', slug))!.body).toEqual(docFromPlainText('The live text.'));
    expect((await getStoryForEdit(editor, id)).update).toBeNull();
    expect(await db.auditEvent.count({ where: { storyId: id, action: { startsWith: 'story.update.' } } })).toBe(2);
  });
});
