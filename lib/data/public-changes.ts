import 'server-only';
import type { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { announceInvalidation, dropTags } from '@/lib/cache/tagged-cache';
import { storyFrontKeys } from '@/lib/cache/front-keys';
import { pagePathsForKeys } from '@/lib/cache/page-paths';
import { pageTag, revalidatePagesHere } from '@/lib/cache/pages';
import { storyCacheKeys, cacheKeys } from '@/lib/cache/keys';
import { flushFrontPurges, recordFrontPurge } from '@/lib/jobs/front-purge';
import { forgetRetiredPaths } from './story-paths';

// A write that changes what readers see stages the invalidation inside its own transaction: the
// NOTIFY that every instance's cache listens for, and the purges owed to the cache fronts, are
// then committed with the change or not at all. After the commit, `afterPublicChange` does what
// only this process can do at once: drop its own cache entries, revalidate its pages, send the purges.

type Reader = Pick<typeof db, 'story'>;

/** What a staged change leaves for after the commit. */
export type PublicChange = { tags: string[]; pages: string[] };

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

async function stage(tx: Prisma.TransactionClient, tags: string[], pages: string[], frontKeys: string[]): Promise<PublicChange> {
  await announceInvalidation(tx, tags);
  await recordFrontPurge(tx, frontKeys);
  return { tags, pages };
}

/**
 * Inside the transaction of a write that changes what readers see of a story (publish, update,
 * unpublish, takedown, correction, slug change, caption). `before` holds the tags it had before
 * the write, so that a story leaving a section or tag also leaves that list.
 */
export async function stageStoryChange(tx: Prisma.TransactionClient, storyId: string, options: { before?: string[]; corrections?: boolean } = {}): Promise<PublicChange> {
  const after = await publicKeysOf(tx, storyId);
  const all = [...new Set([...(options.before ?? []), ...after, ...(options.corrections ? [cacheKeys.corrections] : [])])];
  const paths = (await tx.storyPath.findMany({ where: { storyId }, select: { path: true } })).map((p) => p.path);
  // The article at every address the story has had, and every list, feed and sitemap it is or was on.
  const articles = paths.map((p) => `/${p}`);
  return stage(tx, [...all, ...articles.map(pageTag)], [...articles, ...pagePathsForKeys(all)], storyFrontKeys(all, { id: storyId, paths }));
}

/** Inside the transaction of a change to the front page's arrangement: the front page alone. */
export function stageFrontPageChange(tx: Prisma.TransactionClient): Promise<PublicChange> {
  return stage(tx, [cacheKeys.front], pagePathsForKeys([cacheKeys.front]), [cacheKeys.home]);
}

/** Inside the transaction that renamed the site or changed its description: every page shows them. */
export function stageSiteChange(tx: Prisma.TransactionClient): Promise<PublicChange> {
  return stage(tx, [cacheKeys.site], pagePathsForKeys([cacheKeys.site]), [cacheKeys.site]);
}

/**
 * After the commit of staged changes. Other instances hear the NOTIFY; this one does not wait for
 * it. Revalidating here works when this is a request; outside one the listener's call does it.
 */
export async function afterPublicChange(...changes: (PublicChange | null | undefined)[]): Promise<void> {
  const done = changes.filter((c): c is PublicChange => !!c);
  if (done.length === 0) return;
  forgetRetiredPaths();
  dropTags(done.flatMap((c) => c.tags));
  revalidatePagesHere(done.flatMap((c) => c.pages));
  await flushFrontPurges();
}
