// Every cache key of the public site, in one place ("keys", not "tags": a story's tags are content).
// Reads are cached under the keys of what they list; writes invalidate
// exactly the keys of what they changed. Next calls them cache tags; Varnish calls them xkeys.
export const cacheKeys = {
  story: (id: string) => `story:${id}`,
  section: (slug: string) => `section:${slug}`,
  tag: (slug: string) => `tag:${slug}`,
  author: (slug: string) => `author:${slug}`,
  /** The front page and every list that is not scoped to one section, tag or author. */
  home: 'home',
  /** The front page's arrangement (a published or restored version), not the stories on it. */
  front: 'front',
  /** The site's name and description, shown on every page. */
  site: 'site',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  corrections: 'corrections',
  /** Reference lists: the sections, tags and authors the API and navigation show. */
  directory: 'directory',
} as const;

/** The keys a change to one published story touches. */
export function storyCacheKeys(story: { id: string; section: string | null; tags: string[]; authors: string[] }): string[] {
  return [
    cacheKeys.story(story.id),
    ...(story.section ? [cacheKeys.section(story.section)] : []),
    ...story.tags.map(cacheKeys.tag),
    ...story.authors.map(cacheKeys.author),
    cacheKeys.home,
    cacheKeys.feeds,
    cacheKeys.sitemaps,
    cacheKeys.directory,
  ];
}
