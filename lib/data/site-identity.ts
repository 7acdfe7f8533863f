import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { cacheKeys } from '@/lib/cache/keys';
import { SITE } from '@/lib/site';
import type { SiteIdentityInput } from '@/lib/validations/site';
import { recordAudit } from './audit';
import { afterPublicChange, stageSiteChange } from './public-changes';
import { assertCan, type Viewer } from './viewer';

// The publication's name, tagline and description, as an admin set them at
// /newsroom/settings/site: the masthead, page titles, feeds, the news sitemap and the JSON-LD
// publisher all read them from here.

export type SiteIdentity = { name: string; tagline: string; description: string };
const KEY = 'site.identity';
const DEFAULTS: SiteIdentity = { name: SITE.name, tagline: SITE.tagline, description: SITE.description };

function fromValue(value: unknown): SiteIdentity {
  const v = (value ?? {}) as Partial<Record<keyof SiteIdentity, unknown>>;
  const text = (x: unknown, fallback: string) => (typeof x === 'string' && x.trim() ? x : fallback);
  return { name: text(v.name, DEFAULTS.name), tagline: text(v.tagline, DEFAULTS.tagline), description: text(v.description, DEFAULTS.description) };
}

const readIdentity = cached(
  'site-identity',
  async (): Promise<SiteIdentity> => fromValue((await db.setting.findUnique({ where: { key: KEY }, select: { value: true } }))?.value),
  () => [cacheKeys.site],
);

export async function getSiteIdentity(): Promise<SiteIdentity> {
  // `next build` has no database; what it renders without one is thrown away (see app/(public)/layout.tsx).
  if (process.env.NEXT_PHASE === 'phase-production-build') return DEFAULTS;
  return readIdentity();
}

/** Admins rename the publication; audited, and every page, feed and sitemap follows. */
export async function setSiteIdentity(viewer: Viewer | null, input: SiteIdentityInput): Promise<void> {
  assertCan(viewer, 'site.configure');
  const before = await readIdentity();
  const changed = (Object.keys(input) as (keyof SiteIdentity)[]).filter((k) => before[k] !== input[k]);
  if (changed.length === 0) return;
  const change = await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: KEY }, update: { value: input }, create: { key: KEY, value: input } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'settings.site',
      entityType: 'setting',
      entityId: KEY,
      fromState: changed.map((k) => `${k}: ${before[k]}`).join('\n'),
      toState: changed.map((k) => `${k}: ${input[k]}`).join('\n'),
    });
    return stageSiteChange(tx);
  });
  await afterPublicChange(change);
}
