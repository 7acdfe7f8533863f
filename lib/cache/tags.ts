// Every cache tag of the public site, in one place: reads tag what they list, writes invalidate
// exactly the tags of what they changed.
export const tags = {
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

/** The tags a change to one published story touches. */
export function storyTags(story: { id: string; section: string | null; tags: string[]; authors: string[] }): string[] {
  return [
    tags.story(story.id),
    ...(story.section ? [tags.section(story.section)] : []),
    ...story.tags.map(tags.tag),
    ...story.authors.map(tags.author),
    tags.home,
    tags.feeds,
    tags.sitemaps,
    tags.directory,
  ];
}
