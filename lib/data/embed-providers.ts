import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { cacheKeys } from '@/lib/cache/keys';
import { configuredProviders } from '@/lib/embeds/provider-list';
import { env } from '@/lib/env';
import { playerOrigins, type Provider } from '@/lib/embeds/providers';
import { setFrameOrigins } from '@/lib/security/frame-origins';
import { recordAudit } from './audit';
import { ValidationError } from './errors';
import { afterPublicChange, stageSiteChange } from './public-changes';
import { assertCan, type Viewer } from './viewer';

// Which embed providers this newsroom uses, as admins set them at /newsroom/settings/embeds: the
// configured list (built in, or MASTHEAD_EMBED_PROVIDERS) less the providers switched off, plus
// the Mastodon instances added by host. The list decides what the resolver embeds, which players
// a card may frame, and the public CSP's frame-src, so a change re-renders every public page.

const DISABLED_KEY = 'embeds.disabled';
const MASTODON_KEY = 'embeds.mastodon';
export const MAX_MASTODON = 50;

export type EmbedSettings = { disabled: string[]; mastodon: string[] };

const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** A Mastodon instance as a provider: its posts' addresses and its oEmbed endpoint. */
export function mastodonProvider(host: string): Provider {
  return {
    provider_name: `Mastodon (${host})`,
    provider_url: `https://${host}/`,
    endpoints: [{ schemes: [`https://${host}/@*/*`, `https://${host}/users/*/statuses/*`], url: `https://${host}/api/oembed` }],
  };
}

const readSettings = cached(
  'embed-settings',
  async (): Promise<EmbedSettings> => {
    const rows = await db.setting.findMany({ where: { key: { in: [DISABLED_KEY, MASTODON_KEY] } }, select: { key: true, value: true } });
    const value = (key: string) => rows.find((r) => r.key === key)?.value;
    return { disabled: strings(value(DISABLED_KEY)), mastodon: strings(value(MASTODON_KEY)) };
  },
  () => [cacheKeys.site],
);

export async function embedSettings(): Promise<EmbedSettings> {
  if (process.env.NEXT_PHASE === 'phase-production-build') return { disabled: [], mastodon: [] };
  return readSettings();
}

/** Every provider this newsroom knows of (the configured list and its Mastodon instances). */
export async function allProviders(): Promise<Provider[]> {
  const { mastodon } = await embedSettings();
  return [...configuredProviders(), ...mastodon.map(mastodonProvider)];
}

/** The providers admins have not switched off. */
export async function enabledProviders(): Promise<Provider[]> {
  const { disabled } = await embedSettings();
  const off = new Set(disabled);
  return (await allProviders()).filter((p) => !off.has(p.provider_name));
}

/** The origins enabled providers' players are framed from: the public CSP's frame-src. */
export async function enabledPlayerOrigins(): Promise<string[]> {
  return [...new Set((await enabledProviders()).flatMap(playerOrigins))].sort();
}

/** Reads the enabled players into the public CSP (at start, and when any instance changes the settings). */
export async function refreshFrameOrigins(): Promise<void> {
  setFrameOrigins(await enabledPlayerOrigins());
}

export type ProviderRow = { name: string; site: string; examples: string[]; oembed: boolean; players: string[]; enabled: boolean; mastodon: boolean };

/** The settings page's list: every provider, whether it is on, what it embeds. Admins only. */
export async function embedProviderSettings(viewer: Viewer | null): Promise<{ providers: ProviderRow[]; mastodon: string[]; fromFile: boolean }> {
  assertCan(viewer, 'site.configure');
  const settings = await readSettings();
  const off = new Set(settings.disabled);
  const configured = configuredProviders();
  const rows = [...configured.map((p) => ({ p, mastodon: false })), ...settings.mastodon.map((h) => ({ p: mastodonProvider(h), mastodon: true }))];
  return {
    providers: rows.map(({ p, mastodon }) => ({
      name: p.provider_name,
      site: p.provider_url,
      examples: p.endpoints.flatMap((e) => e.schemes).slice(0, 2),
      oembed: p.endpoints.some((e) => !!e.url),
      players: playerOrigins(p),
      enabled: !off.has(p.provider_name),
      mastodon,
    })),
    mastodon: settings.mastodon,
    fromFile: !!env().MASTHEAD_EMBED_PROVIDERS,
  };
}

/** A host name as an admin types it ("mastodon.social", or its address pasted whole). */
export function mastodonHost(input: string): string | null {
  const text = input.trim().toLowerCase();
  let host: string;
  try {
    host = new URL(/^https?:\/\//.test(text) ? text : `https://${text}`).hostname;
  } catch {
    return null;
  }
  return /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host) ? host : null;
}

/** Admins switch providers on and off and list Mastodon instances; audited, and every page follows. */
export async function setEmbedSettings(viewer: Viewer | null, input: { enabled: string[]; mastodon: string[] }): Promise<EmbedSettings> {
  assertCan(viewer, 'site.configure');
  const hosts: string[] = [];
  for (const line of input.mastodon) {
    const host = mastodonHost(line);
    if (!host) throw new ValidationError(`“${line.slice(0, 100)}” is not a host name (like mastodon.social).`, { mastodon: [`“${line.slice(0, 100)}” is not a host name (like mastodon.social).`] });
    if (!hosts.includes(host)) hosts.push(host);
  }
  if (hosts.length > MAX_MASTODON) throw new ValidationError(`At most ${MAX_MASTODON} Mastodon instances.`, { mastodon: [`At most ${MAX_MASTODON} Mastodon instances.`] });
  const names = [...configuredProviders(), ...hosts.map(mastodonProvider)].map((p) => p.provider_name);
  const before = await readSettings();
  // An instance added now is on: the form listing providers did not have it yet. One removed now
  // may still be ticked in that form.
  const listed = new Set([...configuredProviders(), ...before.mastodon.map(mastodonProvider)].map((p) => p.provider_name));
  const unknown = input.enabled.find((name) => !names.includes(name) && !listed.has(name));
  if (unknown !== undefined) throw new ValidationError(`There is no provider called “${unknown.slice(0, 100)}”.`, { enabled: [`There is no provider called “${unknown.slice(0, 100)}”.`] });
  const next: EmbedSettings = { disabled: names.filter((n) => listed.has(n) && !input.enabled.includes(n)), mastodon: hosts };
  if (JSON.stringify(before) === JSON.stringify(next)) return next;
  const change = await db.$transaction(async (tx) => {
    await tx.setting.upsert({ where: { key: DISABLED_KEY }, update: { value: next.disabled }, create: { key: DISABLED_KEY, value: next.disabled } });
    await tx.setting.upsert({ where: { key: MASTODON_KEY }, update: { value: next.mastodon }, create: { key: MASTODON_KEY, value: next.mastodon } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: 'settings.embeds',
      entityType: 'setting',
      entityId: 'embeds',
      fromState: `off: ${before.disabled.join(', ') || 'none'}\nMastodon: ${before.mastodon.join(', ') || 'none'}`,
      toState: `off: ${next.disabled.join(', ') || 'none'}\nMastodon: ${next.mastodon.join(', ') || 'none'}`,
    });
    return stageSiteChange(tx);
  });
  await afterPublicChange(change);
  await refreshFrameOrigins();
  return next;
}
