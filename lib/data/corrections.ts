import 'server-only';
import { db } from '@/lib/db';
import { afterPublicChange, stageStoryChange } from './public-changes';
import { liveWhere } from './live';
import { ConflictError,  } from './errors';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

export type CorrectionKind = 'CORRECTION' | 'CLARIFICATION';
export type PublicCorrection = { id: string; kind: CorrectionKind; text: string; createdAt: Date };

/** Adds a public correction to a live story and moves its "Updated" time; audited. */
export async function addCorrection(viewer: Viewer | null, storyId: string, input: { kind: CorrectionKind; text: string }) {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.correct');
  const { correction, change } = await db.$transaction(async (tx) => {
    const now = new Date();
    // The story must still be live, and not on legal hold, when the correction is written: an
    // unpublish or a hold in between wins (the form keeps the text for later).
    const { count } = await tx.story.updateMany({ where: { id: storyId, status: 'PUBLISHED', legalHold: false }, data: { publicUpdatedAt: now } });
    if (count === 0) {
      const held = await tx.story.count({ where: { id: storyId, status: 'PUBLISHED', legalHold: true } });
      throw new ConflictError(
        held
          ? 'This story is on legal hold: nothing about it reaches readers, corrections included, until the hold is lifted. Keep your text and add it then.'
          : 'The story is no longer published; a correction needs a live story.',
      );
    }
    const correction = await tx.correction.create({ data: { storyId, kind: input.kind, text: input.text, authorId: viewer.id, createdAt: now }, select: { id: true } });
    await tx.auditEvent.create({
      data: { actorId: viewer.id, action: 'story.correction', entityType: 'story', entityId: storyId, storyId, toState: input.kind, note: input.text },
    });
    return { correction, change: await stageStoryChange(tx, storyId, { corrections: true }) };
  });
  await afterPublicChange(change);
  return correction;
}

export async function listCorrections(storyId: string): Promise<PublicCorrection[]> {
  return db.correction.findMany({ where: { storyId }, orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } });
}

export type CorrectionListing = PublicCorrection & { story: { headline: string; slug: string; section: { slug: string } } };

/** Corrections on stories that are live, newest first, for the public corrections page. */
export async function listRecentCorrections(take = 50): Promise<CorrectionListing[]> {
  const rows = await db.correction.findMany({
    where: { story: liveWhere() },
    orderBy: { createdAt: 'desc' },
    take,
    select: { id: true, kind: true, text: true, createdAt: true, story: { select: { headline: true, slug: true, section: { select: { slug: true } } } } },
  });
  return rows.map((r) => ({ ...r, story: { ...r.story, section: r.story.section! } }));
}
