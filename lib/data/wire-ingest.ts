import 'server-only';
import { randomBytes } from 'node:crypto';
import { db } from '@/lib/db';
import { toPlainText } from '@/lib/editor/plain-text';
import type { Prisma } from '@/lib/generated/prisma/client';
import { announceInvalidation } from '@/lib/cache/tagged-cache';
import type { ParsedWireItem } from '@/lib/wire/item';
import { parseWire } from '@/lib/wire/parse';
import { recordAudit } from './audit';
import { editorIds, notify } from './notifications';
import type { PushSource } from './wire-sources';

// The one pipeline every wire item goes through, whichever way it came in (push, folder, pull).
// A body is parsed whole first (a bad one changes nothing), then written in one transaction.
// One item per (source, guid): the INSERT … ON CONFLICT takes a newer version and leaves the row
// alone for a repeated or older one, so concurrent pushes of the same item cannot make two.

export type IngestOutcome = 'new' | 'updated' | 'ignored';
export type IngestResult = { id: string; guid: string; version: number; outcome: IngestOutcome };

/** What the Wires desk's live refresh listens for (through the cache's NOTIFY channel). */
export const WIRE_CHANNEL_KEY = 'wires';

const newId = () => `c${randomBytes(18).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, '0').slice(0, 24)}`;

/** The instant the version was written, for ordering versions: the sender's, else its first creation, else none. */
const versionInstant = (item: ParsedWireItem) => item.versionCreated ?? item.firstCreated ?? new Date(0);

async function upsert(tx: Prisma.TransactionClient, sourceId: string, item: ParsedWireItem, now: Date): Promise<{ id: string; outcome: IngestOutcome }> {
  const plain = toPlainText(item.body);
  const written = await tx.$queryRaw<{ id: string; inserted: boolean }[]>`
    INSERT INTO "WireItem" ("id", "sourceId", "guid", "version", "versionCreated", "firstCreated", "pubStatus", "urgency", "headline", "slugline", "byline", "dateline", "language", "subjects", "embargoUntil", "summary", "body", "plainText", "pictures", "provider", "format", "receivedAt", "updatedAt", "searchVector")
    VALUES (${newId()}, ${sourceId}, ${item.guid}, ${item.version}, ${versionInstant(item)}, ${item.firstCreated}, ${item.pubStatus}, ${item.urgency}, ${item.headline}, ${item.slugline}, ${item.byline}, ${item.dateline}, ${item.language},
      ${JSON.stringify(item.subjects)}::jsonb, ${item.embargoUntil}, ${item.summary}, ${JSON.stringify(item.body)}::jsonb, ${plain}, ${JSON.stringify(item.pictures)}::jsonb, ${item.provider}, ${item.format}, ${now}, ${now},
      setweight(to_tsvector('simple', ${item.headline}), 'A') || setweight(to_tsvector('simple', ${item.slugline + ' ' + item.summary}), 'B') || setweight(to_tsvector('simple', ${plain}), 'C'))
    ON CONFLICT ("sourceId", "guid") DO UPDATE SET
      "version" = EXCLUDED."version", "versionCreated" = EXCLUDED."versionCreated", "firstCreated" = COALESCE("WireItem"."firstCreated", EXCLUDED."firstCreated"),
      "pubStatus" = EXCLUDED."pubStatus", "urgency" = EXCLUDED."urgency", "headline" = EXCLUDED."headline", "slugline" = EXCLUDED."slugline", "byline" = EXCLUDED."byline",
      "dateline" = EXCLUDED."dateline", "language" = EXCLUDED."language", "subjects" = EXCLUDED."subjects", "embargoUntil" = EXCLUDED."embargoUntil", "summary" = EXCLUDED."summary",
      "body" = EXCLUDED."body", "plainText" = EXCLUDED."plainText", "pictures" = EXCLUDED."pictures", "provider" = EXCLUDED."provider", "format" = EXCLUDED."format",
      "updatedAt" = EXCLUDED."updatedAt", "searchVector" = EXCLUDED."searchVector"
    WHERE ("WireItem"."version", "WireItem"."versionCreated") < (EXCLUDED."version", EXCLUDED."versionCreated")
    RETURNING "id", (xmax = 0) AS "inserted"`;
  const row = written[0];
  if (!row) {
    // The same or an older version: acknowledged, nothing changes.
    const kept = await tx.wireItem.findUniqueOrThrow({ where: { sourceId_guid: { sourceId, guid: item.guid } }, select: { id: true } });
    return { id: kept.id, outcome: 'ignored' };
  }
  await tx.$executeRaw`
    INSERT INTO "WireItemVersion" ("id", "itemId", "version", "versionCreated", "pubStatus", "headline", "body", "receivedAt")
    VALUES (${newId()}, ${row.id}, ${item.version}, ${versionInstant(item)}, ${item.pubStatus}, ${item.headline}, ${JSON.stringify(item.body)}::jsonb, ${now})
    ON CONFLICT ("itemId", "version", "versionCreated") DO NOTHING`;
  return { id: row.id, outcome: row.inserted ? 'new' : 'updated' };
}

/** What a new version means for the stories made from the item: a kill, or an update on offer. */
async function tellStories(tx: Prisma.TransactionClient, itemId: string, item: ParsedWireItem, now: Date): Promise<void> {
  const stories = await tx.story.findMany({ where: { wireItemId: itemId }, select: { id: true, headline: true, wireKilledAt: true, embargoUntil: true, status: true, authors: { select: { userId: true } } } });
  if (!stories.length) return;
  const editors = await editorIds(tx);
  if (item.pubStatus === 'canceled') {
    for (const story of stories.filter((s) => !s.wireKilledAt)) {
      await tx.story.update({ where: { id: story.id }, data: { wireKilledAt: now } });
      await recordAudit(tx, { actorId: null, action: 'story.wireKill', entityType: 'story', entityId: story.id, storyId: story.id, note: `The agency canceled ${item.guid} (version ${item.version}).` });
      await notify(tx, [...story.authors.map((a) => a.userId), ...editors], { kind: 'wireKill', storyId: story.id, text: `Wire kill: the agency canceled the item “${story.headline}” was made from. It cannot be published until an editor clears the kill.` });
    }
    return;
  }
  const note = (headline: string) =>
    item.pubStatus === 'withheld'
      ? `The agency withheld the item “${headline}” was made from (version ${item.version}): check with the desk before it goes further.`
      : `Wire update available for “${headline}” (version ${item.version}).`;
  for (const story of stories) {
    await notify(tx, story.authors.map((a) => a.userId), { kind: item.pubStatus === 'withheld' ? 'wireWithheld' : 'wireUpdate', storyId: story.id, text: note(story.headline) });
    // An agency that moves its embargo later binds every story from the item not yet out.
    const later = item.embargoUntil && item.embargoUntil > now && (!story.embargoUntil || item.embargoUntil > story.embargoUntil);
    if (later && story.status !== 'PUBLISHED') {
      await tx.story.update({ where: { id: story.id }, data: { embargoUntil: item.embargoUntil } });
      await recordAudit(tx, { actorId: null, action: 'story.embargo', entityType: 'story', entityId: story.id, storyId: story.id, note: `The agency's embargo on ${item.guid} (version ${item.version}) now runs until ${item.embargoUntil!.toISOString()}.` });
      await notify(tx, [...story.authors.map((a) => a.userId), ...editors], { kind: 'wireEmbargo', storyId: story.id, text: `The agency moved its embargo on “${story.headline}” to ${item.embargoUntil!.toISOString().replace('T', ' ').slice(0, 16)} UTC; the story now waits for it.` });
    }
  }
}

/** Parses a body for this source and stores its items; throws WireFormatError (nothing written) for a bad body. */
export async function ingestWire(source: PushSource, text: string): Promise<IngestResult[]> {
  const items = parseWire(text, source.format, source.name);
  const now = new Date();
  const results = await db.$transaction(
    async (tx) => {
      const out: IngestResult[] = [];
      let flash: { id: string; item: ParsedWireItem }[] = [];
      for (const item of items) {
        const { id, outcome } = await upsert(tx, source.id, item, now);
        out.push({ id, guid: item.guid, version: item.version, outcome });
        if (outcome === 'updated') await tellStories(tx, id, item, now);
        if (outcome === 'new' && item.urgency === 1 && item.pubStatus === 'usable') flash = [...flash, { id, item }];
      }
      if (flash.length) {
        const editors = await editorIds(tx);
        for (const { item } of flash) await notify(tx, editors, { kind: 'wireFlash', text: `Urgent from ${item.provider || source.name}: ${item.headline || item.slugline || item.guid}` });
      }
      if (out.some((r) => r.outcome !== 'ignored')) await announceInvalidation(tx, [WIRE_CHANNEL_KEY]);
      return out;
    },
    { timeout: 60_000 },
  );
  return results;
}

/**
 * Items leave the desk this many days after their last version, unless a story was made from
 * them (the story keeps its link, its diff and its kill). Returns how many went.
 */
export async function expireWireItems(days: number, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - days * 86_400_000);
  const { count } = await db.wireItem.deleteMany({ where: { updatedAt: { lt: before }, stories: { none: {} } } });
  if (count) await announceInvalidation(db, [WIRE_CHANNEL_KEY]);
  return count;
}
