import { decodePath } from '../urls';
import { cacheKeys } from './keys';

// Surrogate keys for the cache front (Varnish's xkey). The server puts them on every public
// response from its path alone, so a cached page costs no lookup; a write purges the keys of every
// path that shows what it changed. The vocabulary is the read cache's (lib/cache/keys.ts), plus:
// - path:<section>/<slug>  an article URL, whatever answers there now (the story, a 301, a 410, a 404);
// - api-story:<id or slug> the API's story document;
// - api-lists              every API list of stories;
// - static                 files that never change at their address.

export const frontKeys = {
  path: (path: string) => `path:${path}`,
  apiStory: (ref: string) => `api-story:${ref}`,
  apiLists: 'api-lists',
  static: 'static',
} as const;

/** Paths the front must never cache: personal, per-query or write endpoints. */
const PRIVATE = /^\/(newsroom|login|reset-password|preview|search|api\/(desk|auth|csp-report|health|ready))(\/|$)/;

/**
 * The keys of the response at a path, or null when the front must not cache it. Every page and
 * document also carries `site`: the site's name is on all of them, and renaming it purges them all.
 */
export function keysForPath(pathname: string): string[] | null {
  const keys = ownKeys(pathname);
  return keys && keys[0] !== frontKeys.static ? [...keys, cacheKeys.site] : keys;
}

function ownKeys(pathname: string): string[] | null {
  if (PRIVATE.test(pathname)) return null;
  if (pathname.startsWith('/_next/') || pathname.startsWith('/media/')) return [frontKeys.static];
  const path = decodePath(pathname).replace(/\/+$/, '') || '/';
  if (path === '/') return [cacheKeys.home];
  if (path === '/feed.xml') return [cacheKeys.feeds, cacheKeys.home];
  if (/^\/(news-)?sitemap[^/]*\.xml$/.test(path)) return [cacheKeys.sitemaps];
  if (path === '/corrections') return [cacheKeys.corrections];
  if (path.startsWith('/sitemaps/')) return [cacheKeys.sitemaps];
  // The manifest names the site: it is purged with every page when the name changes.
  if (path === '/manifest.webmanifest') return [cacheKeys.directory];
  // Files that never change at their address (a changed script gets a new name: live-v2.js).
  if (path === '/robots.txt' || path === '/api/v1/openapi.json' || /^\/[^/]+\.(ico|png|svg|webmanifest|txt|js)$/.test(path)) return [frontKeys.static];
  const segments = path.slice(1).split('/');
  if (segments[0] === 'api') {
    if (segments[1] !== 'v1') return null;
    if (segments[2] === 'stories') return segments.length === 3 ? [frontKeys.apiLists] : [frontKeys.apiStory(segments.slice(3).join('/'))];
    return [cacheKeys.directory];
  }
  if (segments[0] === 'tags' && segments[1]) return segments[2] === 'feed.xml' ? [cacheKeys.tag(segments[1]), cacheKeys.feeds] : [cacheKeys.tag(segments[1])];
  if (segments[0] === 'authors' && segments[1]) return [cacheKeys.author(segments[1])];
  if (segments.length === 1) return [cacheKeys.section(segments[0]!)];
  if (segments.length === 2) return segments[1] === 'feed.xml' ? [cacheKeys.section(segments[0]!), cacheKeys.feeds] : [frontKeys.path(path.slice(1))];
  // A live blog's polled entries, its older entries and its feed go with its address: every change to the story purges them.
  if (segments.length === 3 && (segments[2] === 'live.json' || segments[2] === 'feed.xml' || segments[2] === 'updates')) return [frontKeys.path(segments.slice(0, 2).join('/')), ...(segments[2] === 'feed.xml' ? [cacheKeys.feeds] : [])];
  return [frontKeys.path(path.slice(1))];
}

/**
 * The keys as one header value, for the response and for the purge alike. Header values are
 * ASCII: a key from a Korean or Cyrillic slug goes percent-encoded, the same way on both sides.
 */
export function xkeyHeader(keys: string[]): string {
  return keys.map((key) => encodeURI(key)).join(' ');
}

/**
 * Every key a change to one story touches: the lists it is (or was) on, each path it has had (so
 * old URLs start answering 301 or 410 at once), and its API documents.
 */
export function storyFrontKeys(listKeys: string[], story: { id: string; paths: string[] }): string[] {
  const slugs = story.paths.map((p) => p.split('/').pop()!);
  return [
    ...new Set([
      ...listKeys.filter((k) => !k.startsWith('story:')),
      ...story.paths.map(frontKeys.path),
      frontKeys.apiStory(story.id),
      ...slugs.map(frontKeys.apiStory),
      frontKeys.apiLists,
    ]),
  ];
}
