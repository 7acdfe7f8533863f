import 'server-only';
import { db } from '@/lib/db';
import { publicStoryChanged } from './public-changes';
import { ConflictError,  } from './errors';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

export type CorrectionKind = 'CORRECTION' | 'CLARIFICATION';
export type PublicCorrection = { id: string; kind: CorrectionKind; text: string; createdAt: Date };

/** Adds a public correction to a live story and moves its "Updated" time; audited. */
export async function addCorrection(viewer: Viewer | null, storyId: string, input: { kind: CorrectionKind; text: string }) {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.correct');
  const correction = await db.$transaction(async (tx) => {
    const now = new Date();
    // The story must still be live when the correction is written: an unpublish in between wins.
    const { count } = await tx.story.updateMany({ where: { id: storyId, status: 'PUBLISHED' }, data: { publicUpdatedAt: now } });
    if (count === 0) throw new ConflictError('The story is no longer published; a correction needs a live story.');
    const correction = await tx.correction.create({ data: { storyId, kind: input.kind, text: input.text, authorId: viewer.id, createdAt: now }, select: { id: true } });
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: 'story.correction', entityType: 'story', entityId: storyId, storyId, toState: input.kind, note: input.text },
    });
    return correction;
  });
  await publicStoryChanged(storyId, { corrections: true });
  return correction;
}

export async function listCorrections(storyId: string): Promise<PublicCorrection[]> {
  return db.correction.findMany({ where: { storyId }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } });
}

export type CorrectionListing = PublicCorrection & { story: { headline: string; slug: string; section: { slug: string } } };

/** Corrections on stories that are live, newest first, for the public corrections page. */
export async function listRecentCorrections(take = 50): Promise<CorrectionListing[]> {
  const rows = await db.correction.findMany({
    where: { story: { status: 'PUBLISHED', publishedAt: { lte: new Date() }, sectionId: { not: null } } },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, kind: true, text: true, createdAt: true, story: { select: { headline: true, slug: true, section: { select: { slug: true } } } } },
  });
  return rows.map((r) => ({ ...r, story: { ...r.story, section: r.story.section! } }));
}
