import 'server-only';
import { db } from '@/lib/db';
import { NotFoundError, ValidationError } from './errors';
import { notify } from './notifications';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

export type CommentDto = { id: string; author: string; body: string; quote: string; resolved: boolean; createdAt: string };
export type CommentThread = CommentDto & { replies: CommentDto[] };


/**
 * A short summary that changes whenever the discussion does (a comment added, resolved or
 * reopened): the editor's heartbeat carries it, so open editors reload the threads only then.
 */
export async function discussionFingerprint(viewer: Viewer | null, storyId: string): Promise<string> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const [all, resolved] = await Promise.all([
    db.comment.aggregate({ where: { storyId }, _count: { _all: true }, _max: { createdAt: true } }),
    db.comment.aggregate({ where: { storyId, resolvedAt: { not: null } }, _count: { _all: true }, _max: { resolvedAt: true } }),
  ]);
  return [all._count._all, all._max.createdAt?.getTime() ?? 0, resolved._count._all, resolved._max.resolvedAt?.getTime() ?? 0].join('.');
}

/** At most this many comments (threads and replies) are shown on one story. */
export const COMMENT_LIST_LIMIT = 1_000;

/** Threads on a story, oldest first, replies in order. */
export async function listComments(viewer: Viewer | null, storyId: string): Promise<CommentThread[]> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const rows = await db.comment.findMany({
    where: { storyId },
    orderBy: { createdAt: 'asc' },
    take: COMMENT_LIST_LIMIT,
    select: { id: true, parentId: true, body: true, quote: true, resolvedAt: true, createdAt: true, author: { select: { name: true } } },
  });
  const dto = (r: (typeof rows)[number]): CommentDto => ({
    id: r.id,
    author: r.author.name,
    body: r.body,
    quote: r.quote,
    resolved: r.resolvedAt !== null,
    createdAt: r.createdAt.toISOString(),
  });
  return rows.filter((r) => !r.parentId).map((r) => ({ ...dto(r), replies: rows.filter((c) => c.parentId === r.id).map(dto) }));
}

/** People named as "@First Last" in a comment, among the active newsroom. */
async function mentioned(body: string): Promise<string[]> {
  if (!body.includes('@')) return [];
  const people = await db.user.findMany({ where: { active: true }, select: { id: true, name: true }, take: 5_000 });
  const lower = body.toLowerCase();
  return people.filter((p) => lower.includes(`@${p.name.toLowerCase()}`)).map((p) => p.id);
}

export async function addComment(
  viewer: Viewer | null,
  storyId: string,
  input: { body: string; quote?: string; parentId?: string | null },
): Promise<{ id: string }> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.comment');
  if (input.parentId) {
    const parent = await db.comment.findFirst({ where: { id: input.parentId, storyId, parentId: null }, select: { id: true } });
    if (!parent) throw new ValidationError('That thread does not exist on this story.', { parentId: ['That thread does not exist on this story.'] });
  }
  const mentions = await mentioned(input.body);
  return db.$transaction(async (tx) => {
    const comment = await tx.comment.create({
      data: { storyId, authorId: viewer.id, body: input.body, quote: input.parentId ? '' : (input.quote ?? ''), parentId: input.parentId ?? null },
      select: { id: true },
    });
    await notify(tx, mentions, { kind: 'mention', storyId, actorId: viewer.id, text: `${viewer.name} mentioned you on “${story.headline}”: ${input.body.slice(0, 200)}` });
    return comment;
  });
}

export async function setCommentResolved(viewer: Viewer | null, commentId: string, resolved: boolean): Promise<{ storyId: string }> {
  const comment = await db.comment.findUnique({ where: { id: commentId }, select: { storyId: true, parentId: true } });
  if (!comment || comment.parentId) throw new NotFoundError('That thread does not exist.');
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, comment.storyId, 'story.comment');
  await db.comment.update({ where: { id: commentId }, data: { resolvedAt: resolved ? new Date() : null } });
  return { storyId: comment.storyId };
}
