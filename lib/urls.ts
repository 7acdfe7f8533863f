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
    const decoded = decodeURIComponent(path);
    // A NUL ("%00", or "%2500" decoded once more) names nothing and cannot reach a query:
    // the path stays as it came, which no slug matches.
    return decoded.includes('\u0000') ? path : decoded;
  } catch {
    return path;
  }
}
