import 'server-only';
import { db } from '@/lib/db';
import { can, type StoryState } from '@/lib/permissions';
import { cancelScheduledPublication, enqueueScheduledPublication } from '@/lib/jobs/scheduled-publishing';
import { TRANSITIONS, type TransitionName } from '@/lib/workflow/transitions';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from './errors';
import type { Prisma } from '@/lib/generated/prisma/client';
import { removeStoryFromFront } from './front';
import { assertMayAdvance } from './gates';
import { editorIds, notify } from './notifications';
import { publicStoryChanged } from './public-changes';
import { recordStoryPath } from './story-paths';
import { recordRevision } from './revisions';
import { getPolicy } from './settings';
import { loadSnapshot } from './story-snapshot';
import { assertCan, type Viewer } from './viewer';

/**
 * Moves a story along the workflow. One transaction: the current state and version are checked in
 * the UPDATE's WHERE, and the new state, a revision snapshot and the audit event are written
 * together. Two editors pressing Publish at once: one publishes, the other gets a conflict.
 */
export async function transitionStory(
  viewer: Viewer | null,
  storyId: string,
  name: TransitionName,
  input: { baseVersion: number; note?: string; publishAt?: Date | null },
): Promise<{ status: StoryState; version: number }> {
  const transition = TRANSITIONS[name];
  const note = input.note?.trim() ?? '';
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { status: true, version: true, headline: true, sectionId: true, firstPublishedAt: true, authors: { select: { userId: true } } },
  });
  if (!story) throw new NotFoundError('That story does not exist.');
  const ref = { status: story.status, authorIds: story.authors.map((a) => a.userId) };
  assertCan(viewer, 'newsroom.enter');

  if (!transition.from.includes(story.status)) {
    // Someone else moved it first (or the button was stale): say what happened, change nothing.
    throw new VersionConflictError(`This story is now ${story.status.toLowerCase().replace('_', ' ')}; “${transition.label}” no longer applies.`, { status: story.status, version: story.version });
  }
  if (!can(viewer, transition.action, ref, await getPolicy())) {
    if (name === 'approve' && ref.authorIds.includes(viewer.id) && can(viewer, 'story.requestChanges', ref)) {
      throw new ForbiddenError('You are on this story’s byline, so another editor has to approve it.');
    }
    throw new ForbiddenError();
  }
  if (transition.noteRequired && !note) throw new ValidationError('Say what needs to change.', { note: ['Say what needs to change.'] });
  if (note.length > 2000) throw new ValidationError('Notes are at most 2,000 characters.', { note: ['Notes are at most 2,000 characters.'] });
  if (transition.needsTime && (!input.publishAt || input.publishAt.getTime() < Date.now() + 5000)) {
    throw new ValidationError('Choose a publication time in the future.', { publishAt: ['Choose a publication time in the future.'] });
  }
  if ((transition.publishes || transition.needsTime) && !story.sectionId) {
    throw new ValidationError('Choose a section before publishing: it is part of the story’s address.', { sectionId: ['Choose a section before publishing.'] });
  }
  if (name === 'submit' || name === 'approve' || name === 'schedule' || name === 'publish') {
    await assertMayAdvance(storyId, { step: name, publishAt: input.publishAt ?? null });
  }

  const result = await db.$transaction(async (tx) => {
    const now = new Date();
    const { count } = await tx.story.updateMany({
      where: { id: storyId, status: story.status, version: input.baseVersion },
      data: {
        status: transition.to,
        statusChangedAt: now,
        version: { increment: 1 },
        ...(transition.publishes ? { publishedAt: now, scheduledAt: null, ...(story.firstPublishedAt ? {} : { firstPublishedAt: now }) } : {}),
        ...(transition.needsTime ? { scheduledAt: input.publishAt } : {}),
        ...(name === 'unschedule' ? { scheduledAt: null } : {}),
      },
    });
    if (count === 0) {
      const current = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true, version: true } });
      throw new VersionConflictError(
        current.status === story.status
          ? 'The story was edited since you loaded it; review the latest version and try again.'
          : `Someone else already changed this story to ${current.status.toLowerCase().replace('_', ' ')}.`,
        current,
      );
    }
    const version = input.baseVersion + 1;
    if (transition.publishes) await recordStoryPath(tx, storyId);
    await recordRevision(tx, {
      storyId,
      authorId: viewer.id,
      kind: 'WORKFLOW',
      storyVersion: version,
      snapshot: await loadSnapshot(tx, storyId),
      label: transition.label,
    });
    const when = transition.needsTime ? `for ${input.publishAt!.toISOString()}` : '';
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: `story.${name}`, entityType: 'story', entityId: storyId, storyId, fromState: story.status, toState: transition.to, note: [note, when].filter(Boolean).join(' ') },
    });
    // A story that leaves the site leaves the front page's slots too (their fallback fills them).
    if (name === 'unpublish') await removeStoryFromFront(tx, storyId, viewer.id, story.headline);
    await notifyTransition(tx, { name, storyId, actor: viewer, bylineIds: ref.authorIds, note, publishAt: input.publishAt ?? null });
    return { status: transition.to, version };
  });

  // After the commit: the queue only ever hears about states that exist.
  if (story.status === 'SCHEDULED') await cancelScheduledPublication(storyId);
  if (transition.needsTime) {
    await enqueueScheduledPublication({ storyId, scheduledAt: input.publishAt!.toISOString(), scheduledById: viewer.id });
  }
  if (story.status === 'PUBLISHED' || transition.to === 'PUBLISHED') await publicStoryChanged(storyId);
  return result;
}

export type QueueItem = {
  id: string;
  headline: string;
  section: string | null;
  bylines: string[];
  wordCount: number;
  submittedAt: Date;
  legalHold: boolean;
  embargoUntil: Date | null;
};

/** The review queue and a story's activity show at most this many rows (the oldest waiting, the newest events). */
const LIST_LIMIT = 200;

/** Stories waiting for an editor, oldest first. */
export async function listReviewQueue(viewer: Viewer | null): Promise<QueueItem[]> {
  assertCan(viewer, 'newsroom.enter');
  if (viewer.role === 'REPORTER') throw new ForbiddenError('The review queue is for editors.');
  const rows = await db.story.findMany({
    where: { status: 'IN_REVIEW' },
    orderBy: { statusChangedAt: 'asc' },
    take: LIST_LIMIT,
    select: {
      id: true,
      headline: true,
      wordCount: true,
      statusChangedAt: true,
      legalHold: true,
      embargoUntil: true,
      section: { select: { name: true } },
      authors: { orderBy: { position: 'asc' }, select: { user: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    headline: r.headline,
    section: r.section?.name ?? null,
    bylines: r.authors.map((a) => a.user.name),
    wordCount: r.wordCount,
    submittedAt: r.statusChangedAt,
    legalHold: r.legalHold,
    embargoUntil: r.embargoUntil && r.embargoUntil > new Date() ? r.embargoUntil : null,
  }));
}

export type ActivityItem = { id: string; action: string; actor: string; fromState: string | null; toState: string | null; note: string; at: Date };

/** The story's audit trail, newest first. */
export async function listStoryActivity(viewer: Viewer | null, storyId: string): Promise<ActivityItem[]> {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { status: true, authors: { select: { userId: true } } } });
  if (!story) throw new NotFoundError('That story does not exist.');
  assertCan(viewer, 'story.view', { status: story.status, authorIds: story.authors.map((a) => a.userId) });
  const rows = await db.auditEvent.findMany({
    where: { storyId },
    orderBy: { createdAt: 'desc' },
    take: LIST_LIMIT,
    select: { id: true, action: true, fromState: true, toState: true, note: true, createdAt: true, actor: { select: { name: true } } },
  });
  return rows.map((r) => ({ id: r.id, action: r.action, actor: r.actor?.name ?? 'Masthead', fromState: r.fromState, toState: r.toState, note: r.note, at: r.createdAt }));
}

const MESSAGES: Partial<Record<TransitionName, (who: string, headline: string, note: string, when: string) => string>> = {
  submit: (who, headline) => `${who} submitted “${headline}” for review.`,
  requestChanges: (who, headline, note) => `${who} asked for changes to “${headline}”: ${note}`,
  approve: (who, headline) => `${who} approved “${headline}”.`,
  schedule: (who, headline, _note, when) => `${who} scheduled “${headline}” for ${when}.`,
  publish: (who, headline) => `${who} published “${headline}”.`,
};

/** Who hears about a step: editors when a story is submitted, its bylines for everything else. */
async function notifyTransition(
  tx: Prisma.TransactionClient,
  step: { name: TransitionName; storyId: string; actor: Viewer; bylineIds: string[]; note: string; publishAt: Date | null },
) {
  const message = MESSAGES[step.name];
  if (!message) return;
  const { headline } = await tx.story.findUniqueOrThrow({ where: { id: step.storyId }, select: { headline: true } });
  const recipients = step.name === 'submit' ? await editorIds(tx) : step.bylineIds;
  const when = step.publishAt ? step.publishAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '';
  await notify(tx, recipients, { kind: step.name, storyId: step.storyId, actorId: step.actor.id, text: message(step.actor.name, headline, step.note, when) });
}
