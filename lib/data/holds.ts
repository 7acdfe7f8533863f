import 'server-only';
import { db } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { can } from '@/lib/permissions';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { editorIds, notify } from './notifications';
import { listDueScheduledStories, publishScheduledStory } from './scheduled';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

// Two stops on the way to readers, set on a story by editors: a legal hold (until lifted, the story
// cannot be approved, scheduled or published; a scheduled publication that comes due meanwhile
// does not fire) and an embargo (no publication before the instant). The gate that enforces them
// is lib/data/gates.ts; this file sets them, and says what the newsroom shows.

export type Holds = {
  legalHold: { reason: string; by: string; at: Date } | null;
  embargoUntil: Date | null;
  canHold: boolean;
  canEmbargo: boolean;
};


export async function getHolds(viewer: Viewer | null, storyId: string): Promise<Holds> {
  assertCan(viewer, 'newsroom.enter');
  const row = await loadStoryFor(viewer, storyId, 'story.view');
  const ref = row.ref;
  const by = row.legalHold && row.legalHoldById ? (await db.user.findUnique({ where: { id: row.legalHoldById }, select: { name: true } }))?.name : undefined;
  return {
    legalHold: row.legalHold ? { reason: row.legalHoldReason, by: by ?? 'an editor', at: row.legalHoldAt ?? new Date(0) } : null,
    embargoUntil: row.embargoUntil,
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
  await db.$transaction(async (tx) => {
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
  const story = await loadStoryFor(viewer, storyId, 'story.embargo');
  if (story.status === 'SCHEDULED' && until && story.scheduledAt && story.scheduledAt < until) {
    throw new ValidationError(`The story is scheduled for ${formatDateTime(story.scheduledAt)}, before that embargo. Unschedule it first.`);
  }
  await db.$transaction(async (tx) => {
    await tx.story.update({ where: { id: storyId }, data: { embargoUntil: until } });
    await recordAudit(tx, { actorId: viewer.id, action: until ? 'story.embargo' : 'story.embargoLifted', entityType: 'story', entityId: storyId, storyId, note: until ? `Until ${until.toISOString()}` : '' });
  });
}
