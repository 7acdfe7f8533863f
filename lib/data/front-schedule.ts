import 'server-only';
import { db } from '@/lib/db';
import { recordAudit } from './audit';
import { afterPublicChange, stageFrontPageChange, type PublicChange } from './public-changes';

// Scheduled front page versions going live, run by the job queue rather than by a person.

/** Scheduled versions whose time has come go live (the job queue calls this); safe to repeat. */
export async function publishDueFrontVersions(): Promise<number> {
  const due = await db.frontVersion.findMany({ where: { status: 'SCHEDULED', publishAt: { lte: new Date() } }, orderBy: { publishAt: 'asc' }, select: { id: true, number: true, publishAt: true } });
  let published = 0;
  const afterCommit: PublicChange[] = [];
  for (const version of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.frontVersion.updateMany({ where: { id: version.id, status: 'SCHEDULED' }, data: { status: 'PUBLISHED', publishedAt: new Date() } });
      if (!count) return 0;
      await recordAudit(tx, { actorId: null, action: 'front.publishScheduled', entityType: 'front', entityId: version.id, fromState: 'SCHEDULED', toState: 'PUBLISHED', note: `Version ${version.number}` });
      afterCommit.push(await stageFrontPageChange(tx));
      return count;
    });
    published += done;
  }
  await afterPublicChange(...afterCommit);
  return published;
}
