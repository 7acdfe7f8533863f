import 'server-only';
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { db } from '@/lib/db';
import type { WireFormat } from '@/lib/generated/prisma/client';
import { slugify } from '@/lib/slug';
import type { WireSourceInput } from '@/lib/validations/wire';
import { recordAudit } from './audit';
import { NotFoundError, ValidationError, isUniqueViolation } from './errors';
import { assertCan, type Viewer } from './viewer';

// Wire sources and their push tokens. A token is shown once, when made or rotated; only its
// SHA-256 is kept (a token is 32 random bytes, so a plain hash is as good as a slow one), and a
// push is checked against it in constant time.

export type WireSourceRow = {
  id: string;
  name: string;
  slug: string;
  format: WireFormat;
  sectionId: string | null;
  sectionName: string | null;
  needsEditor: boolean;
  feedUrl: string | null;
  feedCheckedAt: Date | null;
  feedError: string;
  tokenSetAt: Date;
  items: number;
};

export type PushSource = { id: string; name: string; slug: string; format: WireFormat };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newToken = () => `mw_${randomBytes(32).toString('base64url')}`;

async function checkSection(sectionId: string | null): Promise<void> {
  if (sectionId && !(await db.section.findUnique({ where: { id: sectionId }, select: { id: true } }))) {
    throw new ValidationError('That section does not exist.', { sectionId: ['Choose a section from the list.'] });
  }
}

const columns = (input: WireSourceInput) => ({
  name: input.name,
  format: input.format,
  sectionId: input.sectionId,
  needsEditor: input.needsEditor,
  feedUrl: input.feedUrl || null,
});

/** A new source: its slug (from the name, made unique) and its push token, shown this once. */
export async function createWireSource(viewer: Viewer | null, input: WireSourceInput): Promise<{ id: string; slug: string; token: string }> {
  assertCan(viewer, 'wire.configure');
  return insertWireSource(input, viewer.id);
}

/** The same for the server's shell (`npm run wire:source`), where nobody is signed in. */
export async function insertWireSource(input: WireSourceInput, actorId: string | null): Promise<{ id: string; slug: string; token: string }> {
  await checkSection(input.sectionId);
  const base = slugify(input.name, 60) || 'wire';
  const token = newToken();
  for (let n = 1; n < 50; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    try {
      return await db.$transaction(async (tx) => {
        const source = await tx.wireSource.create({ data: { ...columns(input), slug, tokenHash: hashToken(token) }, select: { id: true, slug: true } });
        await recordAudit(tx, { actorId, action: 'wire.sourceCreate', entityType: 'setting', entityId: source.id, note: `${input.name} (${slug})` });
        return { ...source, token };
      });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
    }
  }
  throw new ValidationError('Too many sources share this name; choose another.', { name: ['Choose another name.'] });
}

export async function updateWireSource(viewer: Viewer | null, id: string, input: WireSourceInput): Promise<void> {
  assertCan(viewer, 'wire.configure');
  await checkSection(input.sectionId);
  await db.$transaction(async (tx) => {
    const { count } = await tx.wireSource.updateMany({ where: { id }, data: { ...columns(input), ...(input.feedUrl ? {} : { feedEtag: null, feedModified: null, feedError: '' }) } });
    if (!count) throw new NotFoundError('That wire source does not exist.');
    await recordAudit(tx, { actorId: viewer.id, action: 'wire.sourceUpdate', entityType: 'setting', entityId: id, note: `${input.name}: ${input.format}, ${input.needsEditor ? 'needs an editor' : 'seen by all'}${input.feedUrl ? `, pulls ${input.feedUrl}` : ''}` });
  });
}

/** Replaces the token: the old one stops working at once. */
export async function rotateWireToken(viewer: Viewer | null, id: string): Promise<{ slug: string; token: string }> {
  assertCan(viewer, 'wire.configure');
  const token = newToken();
  return db.$transaction(async (tx) => {
    const source = await tx.wireSource.update({ where: { id }, data: { tokenHash: hashToken(token), tokenSetAt: new Date() }, select: { slug: true, name: true } }).catch((error: unknown) => {
      if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'P2025') throw new NotFoundError('That wire source does not exist.');
      throw error;
    });
    await recordAudit(tx, { actorId: viewer.id, action: 'wire.tokenRotate', entityType: 'setting', entityId: id, note: source.name });
    return { slug: source.slug, token };
  });
}

export async function listWireSources(viewer: Viewer | null): Promise<WireSourceRow[]> {
  assertCan(viewer, 'wire.configure');
  const rows = await db.wireSource.findMany({
    orderBy: { name: 'asc' },
    select: { id: true, name: true, slug: true, format: true, sectionId: true, section: { select: { name: true } }, needsEditor: true, feedUrl: true, feedCheckedAt: true, feedError: true, tokenSetAt: true, _count: { select: { items: true } } },
  });
  return rows.map(({ section, _count, ...row }) => ({ ...row, sectionName: section?.name ?? null, items: _count.items }));
}

/** Sources by name, for the Wires desk's filter. */
export async function wireSourceNames(viewer: Viewer | null): Promise<{ slug: string; name: string }[]> {
  assertCan(viewer, 'wire.read');
  return db.wireSource.findMany({ orderBy: { name: 'asc' }, select: { slug: true, name: true } });
}

/** The source a push is for, if the token is its current one; null otherwise (the caller answers 401). */
export async function sourceForPush(slug: string, token: string): Promise<PushSource | null> {
  const source = await db.wireSource.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, format: true, tokenHash: true } });
  const given = Buffer.from(hashToken(token), 'hex');
  // Compared even when there is no such source, so that the answer takes the same time.
  const kept = Buffer.from(source?.tokenHash ?? hashToken(''), 'hex');
  const match = timingSafeEqual(given, kept) && !!source && token.length > 0;
  return match ? { id: source.id, name: source.name, slug: source.slug, format: source.format } : null;
}

/** A source by slug, for the folder and the pull (no token: the server itself reads them). */
export async function sourceBySlug(slug: string): Promise<PushSource | null> {
  return db.wireSource.findUnique({ where: { slug }, select: { id: true, name: true, slug: true, format: true } });
}

const EXPIRY_KEY = 'wires.expiryDays';
export const DEFAULT_WIRE_EXPIRY_DAYS = 14;

export async function wireExpiryDays(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: EXPIRY_KEY }, select: { value: true } });
  return typeof row?.value === 'number' && Number.isInteger(row.value) && row.value > 0 ? row.value : DEFAULT_WIRE_EXPIRY_DAYS;
}

export async function setWireExpiryDays(viewer: Viewer | null, days: number): Promise<void> {
  assertCan(viewer, 'wire.configure');
  await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: EXPIRY_KEY }, update: { value: days }, create: { key: EXPIRY_KEY, value: days } });
    await recordAudit(tx, { actorId: viewer.id, action: 'settings.wireExpiry', entityType: 'setting', entityId: EXPIRY_KEY, note: `${days} days` });
  });
}
