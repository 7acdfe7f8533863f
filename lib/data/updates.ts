import 'server-only';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { countWords, toPlainText } from '@/lib/editor/plain-text';
import { can, type StoryState } from '@/lib/permissions';
import { UPDATE_STEPS, type UpdateStepName } from '@/lib/workflow/updates';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from './errors';
import { assertMayAdvance } from './gates';
import { publicStoryChanged, publicTagsOf } from './public-changes';
import { recordStoryPath } from './story-paths';
import { notify } from './notifications';
import { recordRevision } from './revisions';
import { getPolicy } from './settings';
import { loadSnapshot, readSnapshot } from './story-snapshot';
import { applyRelations } from './stories';
import { assertCan, type Viewer } from './viewer';

/**
 * One step in the life of an update to a live story, in one transaction with its audit event.
 * "Publish update" copies the update over the live story and sets the public updated time.
 */
export async function stepUpdate(
  viewer: Viewer | null,
  storyId: string,
  name: UpdateStepName,
  input: { baseVersion: number; note?: string },
): Promise<{ updateState: StoryState | null; version: number }> {
  const step = UPDATE_STEPS[name];
  const note = input.note?.trim() ?? '';
  const story = await db.story.findUnique({
    where: { id: storyId },
    select: { status: true, version: true, headline: true, updateState: true, pendingUpdate: true, authors: { select: { userId: true } } },
  });
  if (!story) throw new NotFoundError('That story does not exist.');
  assertCan(viewer, 'newsroom.enter');
  const authorIds = story.authors.map((a) => a.userId);
  if (story.status !== 'PUBLISHED' || !step.from.includes(story.updateState)) {
    throw new VersionConflictError(`“${step.label}” does not apply to this story as it is now.`, { status: story.status, version: story.version });
  }
  if (!can(viewer, step.action, { status: step.judgeAs ?? story.updateState!, authorIds }, await getPolicy())) throw new ForbiddenError();
  if (step.noteRequired && !note) throw new ValidationError('Say what needs to change.', { note: ['Say what needs to change.'] });
  if (name === 'submit' || name === 'approve' || name === 'publish') await assertMayAdvance(storyId, { step: name, update: true });

  const before = name === 'publish' ? await publicTagsOf(db, storyId) : [];
  const result = await db.$transaction(async (tx) => {
    const now = new Date();
    const data: Prisma.StoryUpdateManyMutationInput = { version: { increment: 1 }, updateState: step.to };
    if (name === 'start') data.pendingUpdate = (await loadSnapshot(tx, storyId)) as unknown as Prisma.InputJsonValue;
    if (name === 'publish' || name === 'discard') data.pendingUpdate = Prisma.DbNull;
    const { count } = await tx.story.updateMany({
      where: { id: storyId, version: input.baseVersion, status: 'PUBLISHED', updateState: story.updateState },
      data,
    });
    if (count === 0) throw new VersionConflictError('The story changed since you loaded it; reload and try again.', { status: story.status, version: story.version });
    const version = input.baseVersion + 1;

    if (name === 'publish') {
      const update = readSnapshot(story.pendingUpdate);
      const plainText = toPlainText(update.body);
      await tx.story.update({
        where: { id: storyId },
        data: {
          headline: update.headline,
          dek: update.dek,
          sectionId: update.sectionId,
          creditLine: update.creditLine,
          dateline: update.dateline,
          seoTitle: update.seoTitle,
          seoDescription: update.seoDescription,
          featuredImageId: update.featuredImageId,
          body: update.body,
          plainText,
          wordCount: countWords(plainText),
          publicUpdatedAt: now,
        },
      });
      await applyRelations(tx, storyId, update);
      await recordStoryPath(tx, storyId); // the update may have moved the story to another section
      await recordRevision(tx, { storyId, authorId: viewer.id, kind: 'WORKFLOW', storyVersion: version, snapshot: update, label: 'Publish update' });
      await notify(tx, authorIds, { kind: 'publishUpdate', storyId, actorId: viewer.id, text: `${viewer.name} published an update to “${update.headline}”.` });
    } else if (name === 'requestChanges') {
      await notify(tx, authorIds, { kind: 'requestChanges', storyId, actorId: viewer.id, text: `${viewer.name} asked for changes to the update of “${story.headline}”: ${note}` });
    } else if (name === 'submit') {
      const editors = await tx.user.findMany({ where: { active: true, role: { in: ['EDITOR', 'ADMIN'] } }, select: { id: true } });
      await notify(tx, editors.map((e) => e.id), { kind: 'submit', storyId, actorId: viewer.id, text: `${viewer.name} submitted an update to “${story.headline}” for review.` });
    }
    await tx.auditEvent.create({
      data: {
        actorId: viewer.id,
        action: `story.update.${name}`,
        entityType: 'story',
        entityId: storyId,
        storyId,
        fromState: story.updateState ? `update ${story.updateState}` : 'PUBLISHED',
        toState: step.to ? `update ${step.to}` : 'PUBLISHED',
        note,
      },
    });
    return { updateState: step.to, version };
  });
  if (name === 'publish') await publicStoryChanged(storyId, { before });
  return result;
}
