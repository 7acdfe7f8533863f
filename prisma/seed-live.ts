import type { Prisma } from '@/lib/generated/prisma/client';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { parseBody } from '@/lib/editor/schema';
import type { DemoStory } from './seed-data/stories';

// A demo live blog's entries, written at the times the demo gives them (minutes after the blog
// went out). Each one is audited as posted, and the corrected one as edited, as in real use.

export async function seedLiveEntries(tx: Prisma.TransactionClient, storyId: string, story: DemoStory, userIds: Map<string, string>): Promise<void> {
  if (!story.live || !story.publishedAt) return;
  const start = new Date(story.publishedAt).getTime();
  for (const entry of story.live.entries) {
    const body = parseBody(docFromPlainText(entry.paragraphs.join('\n')));
    if (!body.ok) throw new Error(`Demo live entry at +${entry.at} min: ${body.error}`);
    const postedAt = new Date(start + entry.at * 60_000);
    const correctedAt = entry.correctedAfter ? new Date(postedAt.getTime() + entry.correctedAfter * 60_000) : null;
    const authorId = userIds.get(entry.by)!;
    const row = await tx.liveEntry.create({
      data: {
        storyId,
        authorId,
        headline: entry.headline ?? '',
        body: body.doc as unknown as Prisma.InputJsonValue,
        keyEvent: entry.keyEvent ?? false,
        pinned: entry.pinned ?? false,
        status: 'PUBLISHED',
        createdAt: postedAt,
        postedAt,
        correctedAt,
        version: correctedAt ? 2 : 1,
      },
      select: { id: true },
    });
    const note = entry.paragraphs.join('\n');
    await tx.auditEvent.create({ data: { actorId: authorId, action: 'live.entry.post', entityType: 'liveEntry', entityId: row.id, storyId, note, createdAt: postedAt } });
    if (correctedAt) await tx.auditEvent.create({ data: { actorId: authorId, action: 'live.entry.edit', entityType: 'liveEntry', entityId: row.id, storyId, note, createdAt: correctedAt } });
  }
}

/** The story columns a demo live blog adds. */
export function liveColumns(story: DemoStory) {
  return story.live ? { format: 'LIVE' as const, coverageEndedAt: new Date(story.live.coverageEndedAt) } : {};
}
