import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/env';

// Signed, expiring preview links: whoever holds the link may read that version of the story until
// it expires, without an account (a lawyer, a source checking a quote). Nothing else is granted.
// A shared link also names its PreviewLink row (`linkId`), which pins the revision and can be revoked.

export type PreviewGrant = { storyId: string; revisionId: string | null; expiresAt: Date; linkId?: string | null };

function secret(): string {
  const value = env().AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET is needed to sign preview links.');
  return `preview:${value}`;
}

const sign = (payload: string) => createHmac('sha256', secret()).update(payload).digest('base64url');

export function createPreviewToken(grant: PreviewGrant): string {
  const payload = Buffer.from(JSON.stringify({ s: grant.storyId, r: grant.revisionId, e: Math.floor(grant.expiresAt.getTime() / 1000), ...(grant.linkId ? { l: grant.linkId } : {}) })).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The grant in a token, or null if it is forged, malformed or expired. */
export function readPreviewToken(token: string, now = new Date()): PreviewGrant | null {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined || token.length > 1000) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { s?: unknown; r?: unknown; e?: unknown; l?: unknown };
    if (typeof data.s !== 'string' || typeof data.e !== 'number' || (data.r !== null && typeof data.r !== 'string')) return null;
    if (data.l !== undefined && typeof data.l !== 'string') return null;
    const expiresAt = new Date(data.e * 1000);
    if (expiresAt <= now) return null;
    return { storyId: data.s, revisionId: (data.r as string | null) ?? null, expiresAt, linkId: (data.l as string | undefined) ?? null };
  } catch {
    return null;
  }
}
