import 'server-only';
import { db } from '@/lib/db';
import { storyPath } from '@/lib/urls';
import { ValidationError, VersionConflictError, isUniqueViolation } from './errors';
import { afterPublicChange, stageStoryChange, type PublicChange } from './public-changes';
import { recordStoryPath } from './story-paths';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

/**
 * Gives a story that has had a public address a new slug. Every earlier URL keeps working: the
 * database records each published path, and the proxy answers them with a 301 to the new one.
 */
export async function changeStorySlug(viewer: Viewer | null, storyId: string, input: { slug: string; baseVersion: number }) {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.changeSlug');
  if (input.slug === story.slug) throw new ValidationError('That is already the story’s slug.', { slug: ['That is already the story’s slug.'] });

  let change: PublicChange | null = null;
  try {
    change = await db.$transaction(async (tx) => {
      const { count } = await tx.story.updateMany({ where: { id: storyId, version: input.baseVersion }, data: { slug: input.slug, version: { increment: 1 } } });
      if (count === 0) throw new VersionConflictError('The story changed since you loaded it; reload and try again.', { status: story.status, version: input.baseVersion });
      await recordStoryPath(tx, storyId);
      const where = story.section ? storyPath({ slug: input.slug, section: story.section }) : input.slug;
      await tx.auditEvent.create({
        data: { actorId: viewer.id, action: 'story.slug', entityType: 'story', entityId: storyId, storyId, fromState: story.slug, toState: input.slug, note: `Now at ${where}` },
      });
      return stageStoryChange(tx, storyId);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError('Another story already uses this slug.', { slug: ['Another story already uses this slug.'] });
    throw error;
  }
  await afterPublicChange(change);
}
