import 'server-only';
import { EventEmitter } from 'node:events';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { announceInvalidation, onInvalidation } from '@/lib/cache/tagged-cache';
import type { Doc } from '@/lib/editor/schema';
import type { WirePicture, WireSubject } from '@/lib/wire/item';
import type { WireFilters } from '@/lib/validations/wire';
import { recordAudit } from './audit';
import { NotFoundError } from './errors';
import { WIRE_CHANNEL_KEY } from './wire-ingest';
import { assertCan, type Viewer } from './viewer';
import { can } from '@/lib/permissions';

// The Wires desk: agency items newest first (by their latest version), filtered and searched in
// one query, and a wait that answers as soon as any instance stores a new item or version.

export type WireRow = {
  id: string;
  headline: string;
  slugline: string;
  source: string;
  provider: string;
  versionCreated: Date;
  receivedAt: Date;
  updatedAt: Date;
  urgency: number | null;
  version: number;
  pubStatus: string;
  embargoUntil: Date | null;
  section: string | null;
  held: boolean;
  used: number;
};

export type WireItemView = WireRow & {
  guid: string;
  byline: string;
  dateline: string;
  language: string;
  summary: string;
  subjects: WireSubject[];
  pictures: WirePicture[];
  body: Doc;
  format: string;
  firstCreated: Date | null;
  versions: { version: number; versionCreated: Date; receivedAt: Date; pubStatus: string; headline: string }[];
  stories: { id: string; headline: string; status: string; wireVersion: number | null; killed: boolean }[];
  sectionId: string | null;
};

const PAGE = 50;

/** Items a reporter may not see yet: from a source that needs an editor, and not released. */
const hiddenFrom = (viewer: Viewer) => (can(viewer, 'wire.release') ? Prisma.empty : Prisma.sql`AND (NOT src."needsEditor" OR w."releasedAt" IS NOT NULL)`);

/** The section an item would go to (`guess`): its source's, else a section named like one of its subjects. */
const FROM_ITEMS = Prisma.sql`FROM "WireItem" w JOIN "WireSource" src ON src."id" = w."sourceId"
  LEFT JOIN LATERAL (
    SELECT s."id", s."name" FROM "Section" s
    WHERE s."id" = src."sectionId" OR (src."sectionId" IS NULL AND EXISTS (SELECT 1 FROM jsonb_array_elements(w."subjects") subj WHERE lower(s."name") = lower(subj->>'name')))
    ORDER BY s."position" LIMIT 1
  ) guess ON TRUE`;

type RawRow = Omit<WireRow, 'held'> & { needsEditor: boolean; releasedAt: Date | null };

const toRow = ({ needsEditor, releasedAt, ...row }: RawRow): WireRow => ({ ...row, used: Number(row.used), held: needsEditor && !releasedAt });

export async function listWireItems(viewer: Viewer | null, filters: Partial<WireFilters> = {}): Promise<{ items: WireRow[]; nextCursor: string | null }> {
  assertCan(viewer, 'wire.read');
  const q = filters.q?.trim();
  const rows = await db.$queryRaw<RawRow[]>`
    SELECT w."id", w."headline", w."slugline", src."name" AS "source", w."provider", w."versionCreated", w."receivedAt", w."updatedAt", w."urgency", w."version", w."pubStatus", w."embargoUntil",
      guess."name" AS "section", src."needsEditor", w."releasedAt",
      (SELECT count(*) FROM "Story" st WHERE st."wireItemId" = w."id") AS "used"
    ${FROM_ITEMS}
    WHERE TRUE ${hiddenFrom(viewer)}
      ${filters.source ? Prisma.sql`AND src."slug" = ${filters.source}` : Prisma.empty}
      ${filters.urgency ? Prisma.sql`AND w."urgency" <= ${Number(filters.urgency)}` : Prisma.empty}
      ${filters.status ? Prisma.sql`AND w."pubStatus" = ${filters.status}` : Prisma.empty}
      ${filters.subject ? Prisma.sql`AND EXISTS (SELECT 1 FROM jsonb_array_elements(w."subjects") subj WHERE subj->>'code' = ${filters.subject} OR lower(subj->>'name') = lower(${filters.subject}))` : Prisma.empty}
      ${q ? Prisma.sql`AND w."searchVector" @@ websearch_to_tsquery('simple', ${q})` : Prisma.empty}
      ${filters.cursor ? Prisma.sql`AND (w."updatedAt", w."id") < (SELECT c."updatedAt", c."id" FROM "WireItem" c WHERE c."id" = ${filters.cursor})` : Prisma.empty}
    ORDER BY w."updatedAt" DESC, w."id" DESC
    LIMIT ${PAGE + 1}`;
  const page = rows.slice(0, PAGE).map(toRow);
  return { items: page, nextCursor: rows.length > PAGE ? page.at(-1)!.id : null };
}

export async function getWireItem(viewer: Viewer | null, id: string): Promise<WireItemView> {
  assertCan(viewer, 'wire.read');
  const rows = await db.$queryRaw<(RawRow & { guid: string; byline: string; dateline: string; language: string; summary: string; subjects: WireSubject[]; pictures: WirePicture[]; body: Doc; format: string; firstCreated: Date | null; sectionId: string | null })[]>`
    SELECT w."id", w."headline", w."slugline", src."name" AS "source", w."provider", w."versionCreated", w."receivedAt", w."updatedAt", w."urgency", w."version", w."pubStatus", w."embargoUntil",
      guess."name" AS "section", src."needsEditor", w."releasedAt", 0 AS "used",
      w."guid", w."byline", w."dateline", w."language", w."summary", w."subjects", w."pictures", w."body", w."format", w."firstCreated", guess."id" AS "sectionId"
    ${FROM_ITEMS}
    WHERE w."id" = ${id} ${hiddenFrom(viewer)}`;
  const row = rows[0];
  if (!row) throw new NotFoundError('That wire item does not exist or has expired.');
  const [versions, stories] = await Promise.all([
    db.wireItemVersion.findMany({ where: { itemId: id }, orderBy: [{ version: 'desc' }, { versionCreated: 'desc' }], select: { version: true, versionCreated: true, receivedAt: true, pubStatus: true, headline: true } }),
    db.story.findMany({ where: { wireItemId: id }, orderBy: { createdAt: 'asc' }, select: { id: true, headline: true, status: true, wireVersion: true, wireKilledAt: true } }),
  ]);
  const { guid, byline, dateline, language, summary, subjects, pictures, body, format, firstCreated, sectionId, ...rest } = row;
  return {
    ...toRow({ ...rest, used: stories.length }),
    guid, byline, dateline, language, summary, subjects, pictures, body, format, firstCreated, sectionId,
    versions,
    stories: stories.map(({ wireKilledAt, ...s }) => ({ ...s, killed: wireKilledAt !== null })),
  };
}

/** An editor lets reporters see an item of a source that needs an editor. */
export async function releaseWireItem(viewer: Viewer | null, id: string): Promise<void> {
  assertCan(viewer, 'wire.release');
  await db.$transaction(async (tx) => {
    const { count } = await tx.wireItem.updateMany({ where: { id, releasedAt: null }, data: { releasedAt: new Date() } });
    if (!count) return;
    await recordAudit(tx, { actorId: viewer.id, action: 'wire.release', entityType: 'setting', entityId: id });
    await announceInvalidation(tx, [WIRE_CHANNEL_KEY]);
  });
}

// ——— Live refresh ———

const changes = new EventEmitter().setMaxListeners(0);
let listening: Promise<void> | null = null;

/** The desk's freshness stamp: the newest change to any item (new, newer version, released, expired). */
export async function wireStamp(viewer: Viewer | null): Promise<string> {
  assertCan(viewer, 'wire.read');
  const [row] = await db.$queryRaw<{ stamp: string }[]>`SELECT concat(COALESCE(max("updatedAt")::text, ''), '/', count(*), '/', count("releasedAt")) AS "stamp" FROM "WireItem"`;
  return row?.stamp ?? '';
}

/**
 * Answers with the current stamp as soon as it differs from `since`, or after `waitMs` with the
 * same one: the desk asks again at once (a long poll, which passes through any proxy).
 */
export async function waitForWireChange(viewer: Viewer | null, since: string, waitMs: number, signal?: AbortSignal): Promise<string> {
  listening ??= onInvalidation((dropped, missed) => {
    if (missed || dropped.includes(WIRE_CHANNEL_KEY)) changes.emit('change');
  });
  await listening;
  const now = await wireStamp(viewer);
  if (now !== since) return now;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      changes.off('change', done);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, waitMs);
    changes.on('change', done);
    signal?.addEventListener('abort', done);
  });
  return wireStamp(viewer);
}
