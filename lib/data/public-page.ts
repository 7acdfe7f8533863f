import 'server-only';
import { BadCursorError } from '@/lib/pagination';
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
