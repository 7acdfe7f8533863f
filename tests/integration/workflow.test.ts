import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { ForbiddenError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { listPublishedStories } from '@/lib/data/public-stories';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { listReviewQueue, listStoryActivity } from '@/lib/data/review-queue';
import { transitionStory } from '@/lib/data/workflow';
import type { StoryState } from '@/lib/permissions';
import { STEPS, TRANSITION_NAMES, type TransitionName } from '@/lib/workflow/steps';
import { stopBoss } from '@/lib/jobs/boss';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let otherReporter: Viewer;
let editor: Viewer;
let editorOnByline: Viewer;
let admin: Viewer;
let deactivated: Viewer;
let sectionId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  otherReporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  editorOnByline = await makeUser('EDITOR');
  admin = await makeUser('ADMIN');
  deactivated = await makeUser('EDITOR', { active: false });
  sectionId = (await db.section.upsert({ where: { slug: 'politics' }, update: {}, create: { name: 'Politics', slug: 'politics' } })).id;
});

afterAll(stopBoss);

/** A story by `reporter` (and `editorOnByline`) sitting in the given state. */
async function storyIn(status: StoryState, headline = `Workflow ${status} ${Math.random().toString(36).slice(2, 8)}`) {
  const { id } = await createStory(admin, storyFields([reporter.id, editorOnByline.id], { headline, sectionId }));
  await db.story.update({ where: { id }, data: { status } });
  return id;
}

const state = async (id: string) => db.story.findUniqueOrThrow({ where: { id }, select: { status: true, version: true } });

// Who may do what, as the newsroom stated it (issue: editorial workflow, point 2).
const ACTORS = ['anonymous', 'reporter (own story)', 'reporter (other story)', 'editor', 'editor on own byline', 'admin', 'deactivated editor'] as const;
const ALLOWED: Record<TransitionName, (typeof ACTORS)[number][]> = {
  submit: ['reporter (own story)', 'editor', 'editor on own byline', 'admin'],
  withdraw: ['reporter (own story)', 'editor', 'editor on own byline', 'admin'],
  requestChanges: ['editor', 'editor on own byline', 'admin'],
  approve: ['editor', 'admin'],
  schedule: ['editor', 'editor on own byline', 'admin'],
  unschedule: ['editor', 'editor on own byline', 'admin'],
  publish: ['editor', 'editor on own byline', 'admin'],
  unpublish: ['editor', 'editor on own byline', 'admin'],
};

function actor(name: (typeof ACTORS)[number]): Viewer | null {
  switch (name) {
    case 'anonymous':
      return null;
    case 'reporter (own story)':
      return reporter;
    case 'reporter (other story)':
      return otherReporter;
    case 'editor':
      return editor;
    case 'editor on own byline':
      return editorOnByline;
    case 'admin':
      return admin;
    case 'deactivated editor':
      return deactivated;
  }
}

describe('the authorisation matrix', () => {
  const cells = TRANSITION_NAMES.flatMap((transition) => ACTORS.map((who) => ({ transition, who })));

  it.each(cells)('$who → $transition', async ({ transition, who }) => {
    const t = STEPS.story[transition];
    const id = await storyIn(t.from[0]!);
    const before = await state(id);
    const events = await db.auditEvent.count({ where: { storyId: id } });
    const attempt = transitionStory(actor(who), id, transition, {
      baseVersion: before.version,
      note: 'Tighten the second paragraph.',
      publishAt: new Date(Date.now() + 3_600_000),
    });
    if (ALLOWED[transition].includes(who)) {
      await expect(attempt).resolves.toEqual({ status: t.to, updateState: null, version: before.version + 1 });
      expect(await state(id)).toEqual({ status: t.to, version: before.version + 1 });
      const [event] = await listStoryActivity(admin, id);
      expect(event).toMatchObject({ action: `story.${transition}`, fromState: t.from[0], toState: t.to });
    } else {
      await expect(attempt).rejects.toBeInstanceOf(ForbiddenError);
      expect(await state(id)).toEqual(before);
      expect(await db.auditEvent.count({ where: { storyId: id } })).toBe(events);
    }
  });

  it('lets an editor on the byline approve when the newsroom allows it', async () => {
    await db.setting.upsert({ where: { key: 'policy.editorMayApproveOwnStory' }, update: { value: true }, create: { key: 'policy.editorMayApproveOwnStory', value: true } });
    const id = await storyIn('IN_REVIEW');
    await expect(transitionStory(editorOnByline, id, 'approve', { baseVersion: (await state(id)).version })).resolves.toMatchObject({ status: 'APPROVED' });
    await db.setting.delete({ where: { key: 'policy.editorMayApproveOwnStory' } });
  });
});

describe('transitions', () => {
  it('refuse a transition from the wrong state, and a stale version, without changing anything', async () => {
    const id = await storyIn('DRAFT');
    const { version } = await state(id);
    await expect(transitionStory(editor, id, 'publish', { baseVersion: version })).rejects.toBeInstanceOf(VersionConflictError);
    await expect(transitionStory(reporter, id, 'submit', { baseVersion: version - 1 })).rejects.toThrow('edited since you loaded it');
    expect(await state(id)).toEqual({ status: 'DRAFT', version });
  });

  it('need a note to request changes', async () => {
    const id = await storyIn('IN_REVIEW');
    await expect(transitionStory(editor, id, 'requestChanges', { baseVersion: (await state(id)).version, note: '  ' })).rejects.toBeInstanceOf(ValidationError);
    expect((await state(id)).status).toBe('IN_REVIEW');
  });

  it('two editors publishing at once produce one publication and one clear conflict', async () => {
    const id = await storyIn('APPROVED');
    const { version } = await state(id);
    const results = await Promise.allSettled([editor, admin].map((who) => transitionStory(who, id, 'publish', { baseVersion: version })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(VersionConflictError);
    expect(rejected.reason.message).toMatch(/already changed this story to published|no longer applies/);
    expect(await db.auditEvent.count({ where: { storyId: id, action: 'story.publish' } })).toBe(1);
    expect(await db.revision.count({ where: { storyId: id, kind: 'WORKFLOW' } })).toBe(1);
  });

  it('publishing makes the story public with its publication time; unpublishing takes it down', async () => {
    const id = await storyIn('APPROVED', 'Harbour authority publishes its budget');
    await transitionStory(editor, id, 'publish', { baseVersion: (await state(id)).version });
    const row = await db.story.findUniqueOrThrow({ where: { id }, select: { publishedAt: true, firstPublishedAt: true } });
    expect(row.publishedAt).not.toBeNull();
    expect(row.firstPublishedAt).toEqual(row.publishedAt);
    expect((await listPublishedStories({})).stories.map((s) => s.id)).toContain(id);
    await transitionStory(editor, id, 'unpublish', { baseVersion: (await state(id)).version });
    expect((await listPublishedStories({})).stories.map((s) => s.id)).not.toContain(id);
  });

  it('keep the review queue oldest first, for editors only', async () => {
    const older = await storyIn('DRAFT');
    const newer = await storyIn('DRAFT');
    await transitionStory(reporter, older, 'submit', { baseVersion: (await state(older)).version });
    await transitionStory(reporter, newer, 'submit', { baseVersion: (await state(newer)).version });
    const queue = (await listReviewQueue(editor)).map((q) => q.id);
    expect(queue.indexOf(older)).toBeLessThan(queue.indexOf(newer));
    await expect(listReviewQueue(reporter)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
