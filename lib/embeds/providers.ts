import { z } from 'zod';
import builtIn from './providers.json';

// Embed providers in the format of oEmbed's own providers.json: a provider's name and site, and
// endpoints each with the address schemes it embeds (with * wildcards) and its oEmbed URL. A
// provider without an oEmbed endpoint (a map) still names the addresses it owns: they become
// cards of that provider from the page's own tags. MASTHEAD_EMBED_PROVIDERS names a file in the
// same format that replaces the built-in list.

const endpointSchema = z.object({
  schemes: z.array(z.string().min(1).max(500)).max(200).default([]),
  url: z.string().url().max(500).optional(),
  discovery: z.boolean().optional(),
  formats: z.array(z.string()).optional(),
});

const providerSchema = z.object({
  provider_name: z.string().min(1).max(100),
  provider_url: z.string().url().max(500),
  endpoints: z.array(endpointSchema).min(1).max(20),
  /**
   * Masthead's own: where the provider's players may be framed after a reader clicks (the public
   * CSP's frame-src). A host name means https on that host; a full origin ("http://127.0.0.1:4000")
   * names exactly that origin, for a provider a newsroom runs itself.
   */
  player_hosts: z.array(z.string().min(1).max(253).regex(/^(https?:\/\/)?[a-z0-9.-]+(:\d{1,5})?$/i, 'A player host is a host name or an origin.')).max(10).optional(),
});

export const providersFileSchema = z.array(providerSchema).max(1000);
export type Provider = z.infer<typeof providerSchema>;

export type ProviderMatch = { provider: Provider; endpoint: string | null };

/** The providers list: the file MASTHEAD_EMBED_PROVIDERS names, or the built-in one. Throws on a bad file. */
export function parseProviders(json: unknown): Provider[] {
  const parsed = providersFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`The embed providers list is not in providers.json's format: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export const BUILT_IN_PROVIDERS: Provider[] = parseProviders(builtIn);

const escape = (s: string) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&');

type Scheme = { protocols: string[]; host: RegExp; rest: RegExp };

/**
 * A scheme as parts of a parsed address, so that a wildcard cannot cross from one part into
 * another: `https://*.example.com/*` matches hosts ending in `.example.com`, never
 * `https://evil.test/?.example.com/`. A wildcard in the host stands for labels (no slash, no @,
 * no port); the host part is compared with the address's host and port.
 */
function compile(scheme: string): Scheme | null {
  const m = /^(https?|\*):\/\/([^/]+)(\/.*)?$/i.exec(scheme.trim());
  if (!m) return null;
  const protocol = m[1]!.toLowerCase();
  const protocols = protocol === '*' ? ['http:', 'https:'] : [`${protocol}:`];
  const host = new RegExp(`^${m[2]!.toLowerCase().split('*').map(escape).join('[a-z0-9.-]*')}$`);
  const rest = new RegExp(`^${(m[3] ?? '/*').split('*').map(escape).join('.*')}$`, 's');
  return { protocols, host, rest };
}

const compiled = new WeakMap<Provider, Scheme[][]>();
function schemesOf(provider: Provider): Scheme[][] {
  let found = compiled.get(provider);
  if (!found) {
    found = provider.endpoints.map((e) => e.schemes.map(compile).filter((s): s is Scheme => s !== null));
    compiled.set(provider, found);
  }
  return found;
}

/** The provider (and its oEmbed endpoint, if any) whose schemes match `address`, among enabled ones. */
export function matchProvider(address: string, providers: readonly Provider[]): ProviderMatch | null {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return null;
  }
  if (url.username || url.password) return null;
  const rest = `${url.pathname}${url.search}`;
  for (const provider of providers) {
    const endpoints = schemesOf(provider);
    for (const [i, schemes] of endpoints.entries()) {
      if (schemes.some((s) => s.protocols.includes(url.protocol) && s.host.test(url.host) && s.rest.test(rest))) {
        const endpoint = provider.endpoints[i]!.url;
        return { provider, endpoint: endpoint ? endpoint.replace('{format}', 'json') : null };
      }
    }
  }
  return null;
}

/** The oEmbed request for `address` at `endpoint`: JSON, bounded to the card's largest size. */
export function oembedRequest(endpoint: string, address: string): string {
  const url = new URL(endpoint);
  url.searchParams.set('url', address);
  url.searchParams.set('format', 'json');
  url.searchParams.set('maxwidth', '1280');
  url.searchParams.set('maxheight', '720');
  return url.toString();
}

/** The hosts (with ports) of the providers' endpoints: the only ones the resolver may reach on a private address. */
export function endpointHosts(providers: readonly Provider[]): Set<string> {
  const hosts = new Set<string>();
  for (const p of providers) for (const e of p.endpoints) if (e.url) hosts.add(new URL(e.url.replace('{format}', 'json')).host.toLowerCase());
  return hosts;
}

/** The origins (scheme, host, port) a provider's players are framed from. */
export function playerOrigins(provider: Provider): string[] {
  return (provider.player_hosts ?? []).map((h) => (/^https?:\/\//i.test(h) ? new URL(h).origin : `https://${h.toLowerCase()}`));
}

/** Whether `address` is a player of one of these providers: its origin is one of their player origins. */
export function isPlayerOf(address: string, providers: readonly Provider[]): boolean {
  let origin: string;
  try {
    origin = new URL(address).origin;
  } catch {
    return false;
  }
  return providers.some((p) => playerOrigins(p).includes(origin));
}
