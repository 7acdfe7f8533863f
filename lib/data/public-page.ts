import 'server-only';
import { notFound } from 'next/navigation';
import { BadCursorError } from '@/lib/pagination';
import { listPublishedStories, type StoryFilter, type StoryPage } from './public-stories';

/** For reading pages: a cursor we never gave out is a page that does not exist. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof BadCursorError) notFound();
    throw error;
  }
}

/** One page of a section's, tag's or author's stories, from the page's `?cursor=` (none: the first). */
export async function storyPageFor(filter: Omit<StoryFilter, 'cursor'>, cursor: string | string[] | undefined): Promise<StoryPage & { isFirstPage: boolean }> {
  if (Array.isArray(cursor)) notFound();
  const page = await orNotFound(listPublishedStories({ ...filter, cursor }));
  return { ...page, isFirstPage: !cursor };
}
