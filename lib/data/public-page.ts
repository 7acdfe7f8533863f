import 'server-only';
import { BadCursorError } from '@/lib/pagination';
import { getPublicAuthor, getPublicSection, getPublicTag, type PublicAuthor, type PublicSection, type PublicTag } from './public-directory';
import { listPublishedStories, type StoryFilter, type StoryPage } from './public-stories';

// A cursor we never gave out names a page that does not exist: these return null and the page
// decides what that means (a 404), as it does for a section or tag that does not exist.

/** The read's result, or null when its cursor is not one of ours. */
export async function unlessBadCursor<T>(read: Promise<T>): Promise<T | null> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BadCursorError) return null;
    throw error;
  }
}

/** One page of a section's, tag's or author's stories, from the page's `?cursor=` (none: the first). */
export async function storyPageFor(filter: Omit<StoryFilter, 'cursor'>, cursor: string | string[] | undefined): Promise<(StoryPage & { isFirstPage: boolean }) | null> {
  if (Array.isArray(cursor)) return null;
  const page = await unlessBadCursor(listPublishedStories({ ...filter, cursor }));
  return page && { ...page, isFirstPage: !cursor };
}

export type ListingKind = 'section' | 'tag' | 'author';
/** Whose stories a listing shows. */
export type ListingSubject = { kind: 'section'; section: PublicSection } | { kind: 'tag'; tag: PublicTag } | { kind: 'author'; author: PublicAuthor };
export type PublicListing = ListingSubject & { page: StoryPage & { isFirstPage: boolean } };

/** The section, tag or author at this slug; null when there is none (a 404). */
export async function getListingSubject(kind: ListingKind, slug: string): Promise<ListingSubject | null> {
  if (kind === 'section') {
    const section = await getPublicSection(slug);
    return section && { kind, section };
  }
  if (kind === 'tag') {
    const tag = await getPublicTag(slug);
    return tag && { kind, tag };
  }
  const author = await getPublicAuthor(slug);
  return author && { kind, author };
}

/** A listing's subject and one page of its stories; null when either does not exist. */
export async function getPublicListing(kind: ListingKind, slug: string, cursor?: string | string[]): Promise<PublicListing | null> {
  const subject = await getListingSubject(kind, slug);
  if (!subject) return null;
  const filter = subject.kind === 'section' ? { section: subject.section.slug } : subject.kind === 'tag' ? { tag: subject.tag.slug } : { author: subject.author.slug };
  const page = await storyPageFor(filter, cursor);
  return page && { ...subject, page };
}
