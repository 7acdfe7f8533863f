import 'server-only';
import { db } from '@/lib/db';
import { announceInvalidation } from '@/lib/cache/tagged-cache';
import { storyFrontKeys } from '@/lib/cache/front-keys';
import { pagePathsForKeys } from '@/lib/cache/page-paths';
import { pageTag, revalidatePagesHere } from '@/lib/cache/pages';
import { storyCacheKeys, cacheKeys } from '@/lib/cache/keys';
import { enqueueFrontPurge } from '@/lib/jobs/front-purge';
import { forgetRetiredPaths } from './story-paths';

type Reader = Pick<typeof db, 'story'>;

/** The cache tags of a story as it stands: its own, its section's, its tags', its authors'. */
export async function publicKeysOf(client: Reader, storyId: string): Promise<string[]> {
  const story = await client.story.findUnique({
    where: { id: storyId },
    select: {
      section: { select: { slug: true } },
      tags: { select: { tag: { select: { slug: true } } } },
      authors: { select: { user: { select: { slug: true } } } },
    },
  });
  if (!story) return [cacheKeys.story(storyId), cacheKeys.home, cacheKeys.feeds, cacheKeys.sitemaps];
  return storyCacheKeys({
    id: storyId,
    section: story.section?.slug ?? null,
    tags: story.tags.map((t) => t.tag.slug),
    authors: story.authors.map((a) => a.user.slug),
  });
}

/**
 * Called after a committed write that changes what readers see of a story (publish, update,
 * unpublish, correction, slug change). `before` holds the tags it had before the write, so that a
 * story leaving a section or tag also leaves that list.
 */
export async function publicStoryChanged(storyId: string, options: { before?: string[]; corrections?: boolean } = {}): Promise<void> {
  const after = await publicKeysOf(db, storyId);
  const all = [...new Set([...(options.before ?? []), ...after, ...(options.corrections ? [cacheKeys.corrections] : [])])];
  const paths = (await db.storyPath.findMany({ where: { storyId }, select: { path: true } })).map((p) => p.path);
  forgetRetiredPaths();
  // Cached pages: the article at every address the story has had, and every list, feed and
  // sitemap it is or was on. Here at once when this is a request, and on every instance (this one
  // too) through the NOTIFY listener, which maps the tags to the same list pages.
  const articles = paths.map((p) => `/${p}`);
  revalidatePagesHere([...articles, ...pagePathsForKeys(all)]);
  await announceInvalidation(db, [...all, ...articles.map(pageTag)]);
  // The cache front: the same lists, and every address.
  await enqueueFrontPurge(storyFrontKeys(all, { id: storyId, paths }));
}

/**
 * Called after a committed change to the front page's arrangement (publish, restore, a scheduled
 * version going live): the front page alone, on every instance and at the cache front.
 */
export async function frontPageChanged(): Promise<void> {
  revalidatePagesHere(pagePathsForKeys([cacheKeys.front]));
  await announceInvalidation(db, [cacheKeys.front]);
  await enqueueFrontPurge([cacheKeys.home]);
}

/** Called after the site's name or description changed: every page shows them. */
export async function siteIdentityChanged(): Promise<void> {
  revalidatePagesHere(pagePathsForKeys([cacheKeys.site]));
  await announceInvalidation(db, [cacheKeys.site]);
  await enqueueFrontPurge([cacheKeys.site]);
}
