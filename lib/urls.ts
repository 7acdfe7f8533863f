// Public URLs, in one place so that every link to a story is the canonical one.
export function storyPath(story: { slug: string; section: { slug: string } }): string {
  return `/${story.section.slug}/${story.slug}`;
}

export function sectionPath(section: { slug: string }): string {
  return `/${section.slug}`;
}

export function authorPath(author: { slug: string }): string {
  return `/authors/${author.slug}`;
}

export function tagPath(tag: { slug: string }): string {
  return `/tags/${tag.slug}`;
}

/**
 * A path or path segment as written, from its percent-encoded form on the wire (a Korean or
 * Cyrillic slug arrives encoded); a malformed escape is left as it came.
 */
export function decodePath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
