import 'server-only';
import { db } from '@/lib/db';
import { afterPublicChange, stageStoryChange } from './public-changes';
import { lockStory } from './story-access';
import { recordStoryPath } from './story-paths';
import { editorIds, notify } from './notifications';
import { recordRevision } from './revisions';
import { loadSnapshot } from './story-snapshot';

// Publication of scheduled stories, run by the job queue rather than by a person. Safe to run any
// number of times, from any number of app instances: the UPDATE only matches a story that is still
// scheduled for exactly this time, so a rescheduled, unscheduled or already published story is left
// alone and a story is published once. A legal hold or an embargo is checked after the story's row
// is locked and again in the UPDATE's WHERE, so one set at the same moment always wins.

// A publication this late (a hold was lifted, no instance was running) is dated when it happens:
// readers and feeds must not see a story appear with a time hours in the past.
const ON_TIME_MS = 60_000;

export type ScheduledPublication = { storyId: string; scheduledAt: string; scheduledById: string };

export async function publishScheduledStory(job: ScheduledPublication): Promise<boolean> {
  const scheduledAt = new Date(job.scheduledAt);
  if (scheduledAt.getTime() > Date.now() + 1000) return false; // woken early: not yet due
  const change = await db.$transaction(async (tx) => {
    await lockStory(tx, job.storyId);
    const story = await tx.story.findUnique({
      where: { id: job.storyId },
      select: { version: true, status: true, scheduledAt: true, firstPublishedAt: true, headline: true, legalHold: true, wireKilledAt: true, authors: { select: { userId: true } } },
    });
    // A job for a schedule that no longer stands (rescheduled, unscheduled, published by hand)
    // does nothing, not even tell anyone the story is held.
    if (!story || story.status !== 'SCHEDULED' || story.scheduledAt?.getTime() !== scheduledAt.getTime()) return null;
    if (story.legalHold || story.wireKilledAt) {
      // Due, but held (a legal hold, or the agency killed the wire item it was made from): it
      // stays scheduled (the sweep publishes it once the stop is cleared), and the newsroom hears
      // about it once.
      const why = story.legalHold ? 'is on legal hold; it will be published when the hold is lifted' : 'was made from a wire item the agency killed; it will be published when an editor clears the kill';
      const told = await tx.notification.count({ where: { storyId: job.storyId, kind: 'heldPublication', createdAt: { gte: scheduledAt } } });
      if (!told) {
        await notify(tx, [...story.authors.map((a) => a.userId), job.scheduledById, ...(await editorIds(tx))], {
          kind: 'heldPublication',
          storyId: job.storyId,
          text: `“${story.headline}” was due to be published but ${why}.`,
        });
      }
      return null;
    }
    const now = new Date();
    const publishedAt = now.getTime() - scheduledAt.getTime() > ON_TIME_MS ? now : scheduledAt;
    const { count } = await tx.story.updateMany({
      where: { id: job.storyId, status: 'SCHEDULED', scheduledAt, legalHold: false, wireKilledAt: null, OR: [{ embargoUntil: null }, { embargoUntil: { lte: publishedAt } }] },
      data: {
        status: 'PUBLISHED',
        statusChangedAt: now,
        publishedAt,
        scheduledAt: null,
        version: { increment: 1 },
        ...(story.firstPublishedAt ? {} : { firstPublishedAt: publishedAt }),
      },
    });
    if (count === 0) return null;
    await recordStoryPath(tx, job.storyId);
    await recordRevision(tx, {
      storyId: job.storyId,
      authorId: job.scheduledById,
      kind: 'WORKFLOW',
      storyVersion: story.version + 1,
      snapshot: await loadSnapshot(tx, job.storyId),
      label: 'Published as scheduled',
    });
    await tx.auditEvent.create({
      data: {
        actorId: null,
        action: 'story.publishScheduled',
        entityType: 'story',
        entityId: job.storyId,
        storyId: job.storyId,
        fromState: 'SCHEDULED',
        toState: 'PUBLISHED',
        note: `Scheduled by ${job.scheduledById} for ${job.scheduledAt}`,
      },
    });
    await notify(tx, [...story.authors.map((a) => a.userId), job.scheduledById], {
      kind: 'publishedScheduled',
      storyId: job.storyId,
      text: publishedAt === scheduledAt ? `“${story.headline}” was published as scheduled.` : `“${story.headline}” was published, later than scheduled (${job.scheduledAt}).`,
    });
    return stageStoryChange(tx, job.storyId);
  });
  await afterPublicChange(change);
  return change !== null;
}

/** Scheduled stories whose time has come, with who scheduled them (for the catch-up sweep). */
export async function listDueScheduledStories(): Promise<ScheduledPublication[]> {
  const rows = await db.story.findMany({
    where: { status: 'SCHEDULED', scheduledAt: { lte: new Date() } },
    select: { id: true, scheduledAt: true, auditEvents: { where: { action: 'story.schedule' }, orderBy: { createdAt: 'desc' }, take: 1, select: { actorId: true } } },
  });
  return rows.flatMap((r) => {
    const by = r.auditEvents[0]?.actorId;
    return r.scheduledAt && by ? [{ storyId: r.id, scheduledAt: r.scheduledAt.toISOString(), scheduledById: by }] : [];
  });
}
