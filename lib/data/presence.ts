import 'server-only';
import { db } from '@/lib/db';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

const FRESH_MS = 45_000;

/** Records that the viewer has the story open; returns the others who have it open now. */
export async function heartbeat(viewer: Viewer | null, storyId: string): Promise<{ name: string }[]> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  const now = new Date();
  await db.presence.upsert({
    where: { storyId_userId: { storyId, userId: viewer.id } },
    update: { seenAt: now },
    create: { storyId, userId: viewer.id, seenAt: now },
  });
  const others = await db.presence.findMany({
    where: { storyId, userId: { not: viewer.id }, seenAt: { gt: new Date(now.getTime() - FRESH_MS) }, user: { active: true } },
    select: { user: { select: { name: true } } },
    orderBy: { seenAt: 'desc' },
  });
  return others.map((o) => ({ name: o.user.name }));
}
