import 'server-only';
import { storeSharedBody } from '@/lib/collab/registry';
import { db } from '@/lib/db';
import { can, type Policy, type StoryState } from '@/lib/permissions';
import { cancelScheduledPublication, enqueueScheduledPublication } from '@/lib/jobs/scheduled-publishing';
import { STEPS, type Step, type StepName, type StepTarget, type TransitionName, type UpdateStepName } from '@/lib/workflow/steps';
import { ForbiddenError, ValidationError, VersionConflictError } from './errors';
import { Prisma } from '@/lib/generated/prisma/client';
import { removeStoryFromFront } from './front';
import { GATE_COLUMNS, assertMayAdvance, type GateStep } from './gates';
import { editorIds, notify } from './notifications';
import { afterPublicChange, publicKeysOf, stageStoryChange } from './public-changes';
import { recordStoryPath } from './story-paths';
import { recordRevision } from './revisions';
import { getPolicy } from './settings';
import { loadSnapshot, readSnapshot, type StorySnapshot } from './story-snapshot';
import { ACCESS_COLUMNS, authorised, lockStory, type AccessedStory } from './story-access';
import { columnsOf } from './story-fields';
import { inTransaction, writeRelations } from './story-relations';
import { assertCan, type Viewer } from './viewer';

/**
 * Takes one step of the workflow (lib/workflow/steps.ts) on a story or on its pending update. One
 * transaction: the current state and version are checked in the UPDATE's WHERE, and the new state,
 * its effects, a revision and the audit event are written together. Two editors pressing Publish
 * at once: one publishes, the other gets a conflict.
 */
export async function takeStep<T extends StepTarget>(
  viewer: Viewer | null,
  storyId: string,
  target: T,
  name: StepName<T>,
  input: { baseVersion: number; note?: string; publishAt?: Date | null },
): Promise<StepResult> {
  const step: Step = (STEPS[target] as Record<string, Step>)[name]!;
  const update = target === 'update';
  const note = input.note?.trim() ?? '';
  assertCan(viewer, 'newsroom.enter');
  // Written together, the body is stored a moment after each change: a step takes it as it is now.
  // (Before the permission check, which reads the story inside the transaction: storing the open
  // document early writes nothing it would not write within two seconds anyway.)
  if (!update) await storeSharedBody(storyId);
  const policy = await getPolicy();
  const publishesUpdate = update && name === 'publish';
  const towardsReaders = !update && (step.publishes || step.needsTime);

  const { result, change, was } = await db.$transaction(async (tx) => {
    // The story's row is locked first, so that a legal hold, an embargo or an edit committed by
    // anyone else is either seen below or waits for this step to finish; then it is read once, and
    // that one row decides who may take the step, whether it still applies and the gate: what they
    // approve is what the write then writes (lib/data/holds.ts takes the same lock).
    await lockStory(tx, storyId);
    const story = authorised(viewer, await tx.story.findUnique({ where: { id: storyId }, select: { ...ACCESS_COLUMNS, ...GATE_COLUMNS } }), null);
    const state = update ? story.updateState : story.status;
    assertStepApplies(viewer, story, step, name, state, update, policy);
    if (step.noteRequired && !note) throw new ValidationError('Say what needs to change.', { note: ['Say what needs to change.'] });
    if (note.length > 2000) throw new ValidationError('Notes are at most 2,000 characters.', { note: ['Notes are at most 2,000 characters.'] });
    if (step.needsTime && (!input.publishAt || input.publishAt.getTime() < Date.now() + 5000)) {
      throw new ValidationError('Choose a publication time in the future.', { publishAt: ['Choose a publication time in the future.'] });
    }
    if ((step.publishes || step.needsTime) && !story.sectionId) {
      throw new ValidationError('Choose a section before publishing: it is part of the story’s address.', { sectionId: ['Choose a section before publishing.'] });
    }
    if (step.gated) await assertMayAdvance(tx, storyId, story, { step: name as GateStep, publishAt: input.publishAt ?? null, update });
    const keysBefore = publishesUpdate ? await publicKeysOf(tx, storyId) : [];
    const now = new Date();
    const pending = publishesUpdate && story.pendingUpdate ? readSnapshot(story.pendingUpdate) : null;
    const { count } = await tx.story.updateMany({
      where: {
        id: storyId,
        status: story.status,
        version: input.baseVersion,
        ...(update ? { updateState: story.updateState } : {}),
        // The gate's verdict, restated where the write happens.
        ...(step.gated && name !== 'submit' ? { legalHold: false } : {}),
        ...(towardsReaders ? { OR: [{ embargoUntil: null }, { embargoUntil: { lte: step.needsTime ? input.publishAt! : now } }] } : {}),
      },
      data: { version: { increment: 1 }, ...(update ? await updateColumns(tx, storyId, name as UpdateStepName, now, pending) : storyColumns(step, story, now, input.publishAt)) },
    });
    if (count === 0) {
      const current = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true, updateState: true, version: true } });
      const moved = update ? current.updateState !== story.updateState : current.status !== story.status;
      throw new VersionConflictError(
        moved ? `Someone else already changed this story to ${words(update ? (current.updateState ?? 'PUBLISHED') : current.status)}.` : 'The story was edited since you loaded it; review the latest version and try again.',
        { status: current.status, version: current.version },
      );
    }
    const version = input.baseVersion + 1;
    if (pending) await writeRelations(inTransaction(tx), storyId, pending); // after the columns: the search vector reads them
    if (step.publishes || publishesUpdate) await recordStoryPath(tx, storyId); // an update may move the story to another section
    if (!update || publishesUpdate) {
      await recordRevision(tx, { storyId, authorId: viewer.id, kind: 'WORKFLOW', storyVersion: version, snapshot: await loadSnapshot(tx, storyId), label: step.label });
    }
    const when = step.needsTime ? `for ${input.publishAt!.toISOString()}` : '';
    const stateName = (s: string | null) => (update ? (s ? `update ${s}` : 'PUBLISHED') : s);
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: update ? `story.update.${name}` : `story.${name}`, entityType: 'story', entityId: storyId, storyId, fromState: stateName(state), toState: stateName(step.to), note: [note, when].filter(Boolean).join(' ') },
    });
    // A story that leaves the site leaves the front page's slots too (their fallback fills them).
    if (!update && name === 'unpublish') await removeStoryFromFront(tx, storyId, viewer.id, story.headline);
    if (step.tells) {
      const headline = pending?.headline ?? story.headline;
      const at = input.publishAt ? input.publishAt.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : '';
      const recipients = step.tells.who === 'editors' ? await editorIds(tx) : story.authorIds;
      await notify(tx, recipients, { kind: publishesUpdate ? 'publishUpdate' : name, storyId, actorId: viewer.id, text: step.tells.message(viewer.name, headline, note, at) });
    }
    const readersSee = publishesUpdate || (!update && (story.status === 'PUBLISHED' || step.to === 'PUBLISHED'));
    return {
      result: { status: update ? story.status : step.to!, updateState: update ? step.to : story.updateState, version },
      change: readersSee ? await stageStoryChange(tx, storyId, { before: keysBefore }) : null,
      was: story.status,
    };
  });

  // After the commit: the queue only ever hears about states that exist.
  if (!update && was === 'SCHEDULED') await cancelScheduledPublication(storyId);
  if (step.needsTime) await enqueueScheduledPublication({ storyId, scheduledAt: input.publishAt!.toISOString(), scheduledById: viewer.id });
  await afterPublicChange(change);
  return result;
}

export type StepResult = { status: StoryState; updateState: StoryState | null; version: number };

/** A step of the story itself. */
export function transitionStory(viewer: Viewer | null, storyId: string, name: TransitionName, input: { baseVersion: number; note?: string; publishAt?: Date | null }) {
  return takeStep(viewer, storyId, 'story', name, input);
}

/** A step of a live story's pending update ("Publish update" copies it over the live story). */
export function stepUpdate(viewer: Viewer | null, storyId: string, name: UpdateStepName, input: { baseVersion: number; note?: string }) {
  return takeStep(viewer, storyId, 'update', name, input);
}

const words = (state: string) => state.toLowerCase().replace('_', ' ');

/** Refuses a step that no longer applies to the story as it stands (someone moved it first), or that this person may not take. */
function assertStepApplies(viewer: Viewer, story: AccessedStory, step: Step, name: string, state: StoryState | null, update: boolean, policy: Policy): void {
  if ((update && story.status !== 'PUBLISHED') || !step.from.includes(state)) {
    const now =
      update && story.status === 'PUBLISHED'
        ? state
          ? `this story’s update is ${words(state)}`
          : 'this story has no update in progress'
        : `this story is now ${words(story.status)}`;
    throw new VersionConflictError(`${now[0]!.toUpperCase()}${now.slice(1)}; “${step.label}” no longer applies.`, { status: story.status, version: story.version });
  }
  const judged = { status: step.judgeAs ?? state ?? 'DRAFT', authorIds: story.authorIds };
  if (!can(viewer, step.action, judged, policy)) {
    if (name === 'approve' && story.authorIds.includes(viewer.id) && can(viewer, 'story.requestChanges', judged)) {
      throw new ForbiddenError('You are on this story’s byline, so another editor has to approve it.');
    }
    throw new ForbiddenError();
  }
}

/** The columns a step of the story itself sets besides its state. */
function storyColumns(step: Step, story: AccessedStory, now: Date, publishAt: Date | null | undefined): Prisma.StoryUpdateManyMutationInput {
  return {
    status: step.to!,
    statusChangedAt: now,
    ...(step.publishes ? { publishedAt: now, scheduledAt: null, ...(story.firstPublishedAt ? {} : { firstPublishedAt: now }) } : {}),
    ...(step.needsTime ? { scheduledAt: publishAt } : {}),
    ...(step.name === 'unschedule' ? { scheduledAt: null } : {}),
  };
}

/** The columns a step of an update sets: starting copies the live story aside; publishing copies it back. */
async function updateColumns(tx: Prisma.TransactionClient, storyId: string, name: UpdateStepName, now: Date, pending: StorySnapshot | null): Promise<Prisma.StoryUpdateManyMutationInput> {
  const state = { updateState: STEPS.update[name].to };
  if (name === 'start') return { ...state, pendingUpdate: (await loadSnapshot(tx, storyId)) as unknown as Prisma.InputJsonValue };
  if (name === 'discard') return { ...state, pendingUpdate: Prisma.DbNull };
  if (pending) return { ...state, ...columnsOf(pending), pendingUpdate: Prisma.DbNull, publicUpdatedAt: now };
  return state;
}
