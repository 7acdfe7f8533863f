import 'server-only';
import { db } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { editorIds, notify } from './notifications';
import { listDueScheduledStories, publishScheduledStory } from './scheduled';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor, lockStory } from './story-access';
import { afterPublicChange, stageStoryChange } from './public-changes';

// Two stops on the way to readers, set on a story by editors: a legal hold (until lifted, the story
// cannot be approved, scheduled or published; a scheduled publication that comes due meanwhile
// does not fire) and an embargo (no publication before the instant). The gate that enforces them
// is lib/data/gates.ts; this file sets them, and says what the newsroom shows. A third, for a live
// story: a legal takedown (its addresses answer 451 and it leaves every public output until it is
// restored). Each write here locks the story's row first, as every write towards readers does
// (lib/data/workflow.ts), so a hold and a Publish pressed at the same moment cannot both win.

export type Holds = {
  legalHold: { reason: string; by: string; at: Date } | null;
  embargoUntil: Date | null;
  takedown: { reason: string; by: string; at: Date } | null;
  /** Published: a takedown applies (a story that never reached readers has nothing to take down). */
  live: boolean;
  canHold: boolean;
  canEmbargo: boolean;
};


export async function getHolds(viewer: Viewer | null, storyId: string): Promise<Holds> {
  assertCan(viewer, 'newsroom.enter');
  const row = await loadStoryFor(viewer, storyId, 'story.view');
  const ref = row.ref;
  const ids = [row.legalHold ? row.legalHoldById : null, row.takenDownAt ? row.takenDownById : null].filter((id): id is string => !!id);
  const names = new Map((ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  const nameOf = (id: string | null) => (id && names.get(id)) || 'an editor';
  return {
    legalHold: row.legalHold ? { reason: row.legalHoldReason, by: nameOf(row.legalHoldById), at: row.legalHoldAt ?? new Date(0) } : null,
    embargoUntil: row.embargoUntil,
    takedown: row.takenDownAt ? { reason: row.takedownReason, by: nameOf(row.takenDownById), at: row.takenDownAt } : null,
    live: row.status === 'PUBLISHED',
    canHold: can(viewer, 'story.legalHold', ref),
    canEmbargo: can(viewer, 'story.embargo', ref),
  };
}

/** Puts a story on legal hold, with a reason, or lifts the hold. Audited; bylines and editors are told. */
export async function setLegalHold(viewer: Viewer | null, storyId: string, input: { hold: boolean; reason: string }): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.legalHold');
  const reason = input.reason.trim();
  if (input.hold && reason.length < 3) throw new ValidationError('Give the reason for the hold.', { reason: ['Give the reason for the hold.'] });
  if (input.hold === story.legalHold) return;
  if (!input.hold && story.takenDownAt) throw new ValidationError('The story is taken down for legal reasons: restore it to readers before lifting the hold.');
  await db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    await tx.story.update({
      where: { id: storyId },
      data: input.hold ? { legalHold: true, legalHoldReason: reason, legalHoldAt: new Date(), legalHoldById: viewer.id } : { legalHold: false, legalHoldReason: '', legalHoldAt: null, legalHoldById: null },
    });
    await recordAudit(tx, { actorId: viewer.id, action: input.hold ? 'story.legalHold' : 'story.legalHoldLifted', entityType: 'story', entityId: storyId, storyId, note: reason });
    await notify(tx, [...story.authorIds, ...(await editorIds(tx))], {
      kind: input.hold ? 'legalHold' : 'legalHoldLifted',
      storyId,
      actorId: viewer.id,
      text: input.hold ? `“${story.headline}” is on legal hold: ${reason}` : `The legal hold on “${story.headline}” was lifted.`,
    });
  });
  // A scheduled publication that came due during the hold goes out now, rather than at the next sweep.
  if (!input.hold && story.status === 'SCHEDULED' && story.scheduledAt && story.scheduledAt <= new Date()) {
    for (const due of await listDueScheduledStories()) if (due.storyId === storyId) await publishScheduledStory(due);
  }
}

/** Sets or clears a story's embargo. Not on a live story; not later than its scheduled time. */
export async function setEmbargo(viewer: Viewer | null, storyId: string, until: Date | null): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  // The permission table lets the embargo be set only before a story is scheduled or published.
  await loadStoryFor(viewer, storyId, 'story.embargo');
  await db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    // Read again under the lock: a story published or scheduled meanwhile is judged as it now is.
    const now = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true, scheduledAt: true } });
    if (until && now.status === 'PUBLISHED') throw new ValidationError('The story was published meanwhile: an embargo no longer applies. Take it down if it must leave the site.');
    if (now.status === 'SCHEDULED' && until && now.scheduledAt && now.scheduledAt < until) {
      throw new ValidationError(`The story is scheduled for ${formatDateTime(now.scheduledAt)}, before that embargo. Unschedule it first.`);
    }
    await tx.story.update({ where: { id: storyId }, data: { embargoUntil: until } });
    await recordAudit(tx, { actorId: viewer.id, action: until ? 'story.embargo' : 'story.embargoLifted', entityType: 'story', entityId: storyId, storyId, note: until ? `Until ${until.toISOString()}` : '' });
  });
}

/**
 * Takes a live story down for legal reasons: at once its addresses answer 451 and it leaves every
 * list, feed, sitemap, search, the API and the front page, through the cache front too. It stays
 * published underneath and on legal hold (nothing about it reaches readers), so that
 * `restoreToReaders` brings back exactly what was there. Audited; bylines and editors are told.
 */
export async function takeDown(viewer: Viewer | null, storyId: string, input: { reason: string }): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.legalHold');
  const reason = input.reason.trim();
  if (reason.length < 3) throw new ValidationError('Give the legal reason for the takedown.', { reason: ['Give the legal reason for the takedown.'] });
  const change = await db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const now = new Date();
    const { count } = await tx.story.updateMany({
      where: { id: storyId, status: 'PUBLISHED', takenDownAt: null },
      data: { takenDownAt: now, takedownReason: reason, takenDownById: viewer.id, legalHold: true, legalHoldAt: now, legalHoldById: viewer.id, legalHoldReason: reason },
    });
    if (count === 0) throw new ValidationError('Only a published story that is not already taken down can be taken down.');
    await recordAudit(tx, { actorId: viewer.id, action: 'story.takedown', entityType: 'story', entityId: storyId, storyId, fromState: 'PUBLISHED', toState: 'TAKEN_DOWN', note: reason });
    await notify(tx, [...story.authorIds, ...(await editorIds(tx))], {
      kind: 'takedown',
      storyId,
      actorId: viewer.id,
      text: `“${story.headline}” was taken down for legal reasons: ${reason}`,
    });
    return stageStoryChange(tx, storyId);
  });
  await afterPublicChange(change);
}

/** Puts a taken-down story back before readers as it was. The legal hold stays until lifted. */
export async function restoreToReaders(viewer: Viewer | null, storyId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.legalHold');
  const change = await db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const { count } = await tx.story.updateMany({
      where: { id: storyId, status: 'PUBLISHED', takenDownAt: { not: null } },
      data: { takenDownAt: null, takedownReason: '', takenDownById: null },
    });
    if (count === 0) throw new ValidationError('This story is not taken down.');
    await recordAudit(tx, { actorId: viewer.id, action: 'story.takedownLifted', entityType: 'story', entityId: storyId, storyId, fromState: 'TAKEN_DOWN', toState: 'PUBLISHED', note: story.takenDownAt ? `Taken down ${story.takenDownAt.toISOString()}: ${story.takedownReason}` : '' });
    await notify(tx, [...story.authorIds, ...(await editorIds(tx))], {
      kind: 'takedownLifted',
      storyId,
      actorId: viewer.id,
      text: `“${story.headline}” is back before readers after its legal takedown.`,
    });
    return stageStoryChange(tx, storyId);
  });
  await afterPublicChange(change);
}
