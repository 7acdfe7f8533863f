import { cacheKeys } from './keys';

// Where each cached reading page lives in Next's page cache, and which pages show what a cache
// tag names. Pages without a parameter (the front page, corrections, the site feed, the sitemaps)
// are rendered at internal addresses behind rewrites (next.config.js). Next's page cache knows a
// rewritten page by its internal address but a rewritten route handler (the XML files) by the
// address the reader asked for, so those are named as readers name them.

export const INTERNAL_PAGES = {
  front: '/cached/front',
  corrections: '/cached/corrections',
  feed: '/feed.xml',
  sitemapIndex: '/sitemap.xml',
  newsSitemap: '/news-sitemap.xml',
  /** The sitemap of the front page, sections, tags and authors; the months are not cached here. */
  sitemapPages: '/sitemaps/pages.xml',
} as const;

/** Addresses that exist only as rewrite targets; a client asking for them directly gets a 404. */
export const INTERNAL_PREFIXES = ['/cached/', '/older/'];

export function isInternalPath(pathname: string): boolean {
  return INTERNAL_PREFIXES.some((prefix) => pathname.startsWith(prefix) || pathname === prefix.slice(0, -1));
}

/**
 * An entry that names every page under a layout rather than one address: `layout:` and the route's
 * folder, route groups included, as Next's revalidatePath(path, 'layout') expects.
 */
export const LAYOUT_PREFIX = 'layout:';
/** Every cached page: after this instance may have missed invalidations. */
export const EVERY_PAGE = `${LAYOUT_PREFIX}/`;

/** The cached pages that show what these tags name (story pages are named by address instead). */
export function pagePathsForKeys(dropped: Iterable<string>): string[] {
  const paths = new Set<string>();
  for (const tag of dropped) {
    if (tag === cacheKeys.home || tag === cacheKeys.front) paths.add(INTERNAL_PAGES.front);
    else if (tag === cacheKeys.site) paths.add(EVERY_PAGE);
    else if (tag === cacheKeys.feeds) paths.add(INTERNAL_PAGES.feed);
    else if (tag === cacheKeys.corrections) paths.add(INTERNAL_PAGES.corrections);
    else if (tag === cacheKeys.sitemaps) [INTERNAL_PAGES.sitemapIndex, INTERNAL_PAGES.newsSitemap, INTERNAL_PAGES.sitemapPages].forEach((p) => paths.add(p));
    else if (tag.startsWith('section:')) {
      const slug = encodeURIComponent(tag.slice('section:'.length));
      paths.add(`/${slug}`).add(`/${slug}/feed.xml`);
    } else if (tag.startsWith('tag:')) {
      const slug = encodeURIComponent(tag.slice('tag:'.length));
      paths.add(`/tags/${slug}`).add(`/tags/${slug}/feed.xml`);
    } else if (tag.startsWith('author:')) paths.add(`/authors/${encodeURIComponent(tag.slice('author:'.length))}`);
  }
  return [...paths];
}
