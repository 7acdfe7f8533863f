import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { addComment, discussionFingerprint, listComments, setCommentResolved } from '@/lib/data/comments';
import { ForbiddenError, ValidationError } from '@/lib/data/errors';
import { createStory, getStoryForEdit, saveStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { makeUser, storyFields } from './helpers';

let reporter: Viewer;
let otherReporter: Viewer;
let editor: Viewer;
let storyId: string;

beforeAll(async () => {
  reporter = await makeUser('REPORTER');
  otherReporter = await makeUser('REPORTER');
  editor = await makeUser('EDITOR');
  storyId = (
    await createStory(
      reporter,
      storyFields([reporter.id], { headline: 'Comment target', body: docFromPlainText('“It is grave,” Ishiba said.\nThe meeting lasted 50 minutes.') }),
    )
  ).id;
});

describe('comments', () => {
  it('anchor to text through a comment mark that the body keeps across saves', async () => {
    const { id } = await addComment(editor, storyId, { body: 'Source for this quote?', quote: '“It is grave,”' });
    const body = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '“It is grave,”', marks: [{ type: 'comment', attrs: { commentId: id } }] }, { type: 'text', text: ' Ishiba said.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The meeting lasted 50 minutes.' }] },
      ],
    };
    const story = await getStoryForEdit(editor, storyId);
    await saveStory(editor, storyId, { ...story, body, baseVersion: story.version, kind: 'autosave', label: '' });
    const saved = await getStoryForEdit(reporter, storyId);
    expect(JSON.stringify(saved.body)).toContain(id);
    expect(saved.body.content[0]).toEqual(body.content[0]);
    const [thread] = await listComments(reporter, storyId);
    expect(thread).toMatchObject({ id, author: editor.name, quote: '“It is grave,”', resolved: false, replies: [] });
  });

  it('take replies, resolve and reopen', async () => {
    const [thread] = await listComments(reporter, storyId);
    await addComment(reporter, storyId, { body: 'Added the source.', parentId: thread!.id });
    await setCommentResolved(reporter, thread!.id, true);
    let [after] = await listComments(editor, storyId);
    expect(after).toMatchObject({ resolved: true, replies: [expect.objectContaining({ body: 'Added the source.', author: reporter.name })] });
    await setCommentResolved(editor, thread!.id, false);
    [after] = await listComments(editor, storyId);
    expect(after!.resolved).toBe(false);
    await expect(addComment(reporter, storyId, { body: 'x', parentId: 'no-such-thread' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('notify people mentioned by name', async () => {
    await addComment(reporter, storyId, { body: `@${editor.name} can you check the second paragraph?` });
    const [note] = await db.notification.findMany({ where: { userId: editor.id, kind: 'mention' } });
    expect(note!.text).toBe(`${reporter.name} mentioned you on “Comment target”: @${editor.name} can you check the second paragraph?`);
  });

  it('are closed to reporters on stories that are not theirs', async () => {
    const before = await db.comment.count({ where: { storyId } });
    await expect(addComment(otherReporter, storyId, { body: 'Not mine.' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(addComment(null, storyId, { body: 'Anonymous.' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.comment.count({ where: { storyId } })).toBe(before);
  });
});

describe('the discussion fingerprint the heartbeat carries', () => {
  it('changes when a comment is added, resolved or reopened, and only for people who may read the story', async () => {
    const story = (await createStory(reporter, storyFields([reporter.id], { headline: 'Fingerprint target' }))).id;
    const seen = [await discussionFingerprint(reporter, story)];
    const { id } = await addComment(editor, story, { body: 'First question.', quote: '' });
    seen.push(await discussionFingerprint(reporter, story));
    await setCommentResolved(editor, id, true);
    seen.push(await discussionFingerprint(editor, story));
    await setCommentResolved(editor, id, false);
    seen.push(await discussionFingerprint(editor, story));
    // Each step differs from the one before it (reopening returns to the state before the resolve).
    for (let i = 1; i < seen.length; i++) expect(seen[i], `step ${i}`).not.toBe(seen[i - 1]);
    expect(seen[3]).toBe(seen[1]);
    expect(await discussionFingerprint(editor, story)).toBe(seen[3]);
    await expect(discussionFingerprint(null, story)).rejects.toThrow(ForbiddenError);
  });
});

describe('presence', () => {
  it('lists the others who have a story open in the last 45 seconds', async () => {
    const { heartbeat } = await import('@/lib/data/presence');
    expect(await heartbeat(reporter, storyId)).toEqual([]);
    expect(await heartbeat(editor, storyId)).toEqual([{ name: reporter.name }]);
    await db.presence.update({ where: { storyId_userId: { storyId, userId: editor.id } }, data: { seenAt: new Date(Date.now() - 60_000) } });
    expect(await heartbeat(reporter, storyId)).toEqual([]);
    await expect(heartbeat(otherReporter, 'no-such-story')).rejects.toThrow('That story does not exist.');
  });
});
