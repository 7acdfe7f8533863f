'use server';

import { z } from 'zod';
import { getViewer } from '@/lib/auth';
import { addComment, listComments, setCommentResolved, type CommentThread } from '@/lib/data/comments';
import { actionInputMessage, parseActionInput } from '@/lib/validations/action-input';
import { refusal, type ActionResult } from './result';

const text = z.string().trim().min(1, 'Write a comment.').max(4000, 'Comments are at most 4,000 characters.').refine((t) => !t.includes('\u0000'), 'Comments may not contain NUL characters.');

const addSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  body: text,
  quote: z.string().max(2000).default(''),
  parentId: z.string().min(1).max(64).nullable().default(null),
});
const resolveSchema = z.strictObject({ commentId: z.string().min(1).max(64), resolved: z.boolean() });

export type CommentsResult = ActionResult<{ id?: string; threads: CommentThread[] }>;

export async function addCommentAction(input: unknown): Promise<CommentsResult> {
  const parsed = parseActionInput(addSchema, input);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0]?.message ?? 'That comment was not understood.' };
  try {
    const viewer = await getViewer();
    const { id } = await addComment(viewer, parsed.data.storyId, parsed.data);
    return { ok: true, id, threads: await listComments(viewer, parsed.data.storyId) };
  } catch (error) {
    return refusal(error);
  }
}

export async function setCommentResolvedAction(input: unknown): Promise<CommentsResult> {
  const parsed = parseActionInput(resolveSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    const viewer = await getViewer();
    const { storyId } = await setCommentResolved(viewer, parsed.data.commentId, parsed.data.resolved);
    return { ok: true, threads: await listComments(viewer, storyId) };
  } catch (error) {
    return refusal(error);
  }
}

const loadSchema = z.strictObject({ storyId: z.string().min(1).max(64) });

/** The threads as they are now, for an editor that heard the discussion changed. */
export async function loadCommentsAction(input: unknown): Promise<CommentsResult> {
  const parsed = parseActionInput(loadSchema, input);
  if (!parsed.success) return { ok: false, message: actionInputMessage(parsed.error, 'That request was not understood.') };
  try {
    return { ok: true, threads: await listComments(await getViewer(), parsed.data.storyId) };
  } catch (error) {
    return refusal(error);
  }
}
