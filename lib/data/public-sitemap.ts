import 'server-only';
import { db } from '@/lib/db';
import { cached } from '@/lib/cache/tagged-cache';
import { tags } from '@/lib/cache/tags';
import { liveWhere } from './public-stories';
import { storyPath } from '@/lib/urls';

export type SitemapStory = { path: string; headline: string; publishedAt: Date; modifiedAt: Date; keywords: string[] };

// One light query for the whole archive: sitemaps list every story, so they must not load bodies.
export const listSitemapStories = cached(
  'sitemap',
  async (since: string | null): Promise<SitemapStory[]> => {
    const rows = await db.story.findMany({
      where: { ...liveWhere(), ...(since ? { publishedAt: { gte: new Date(since), lte: new Date() } } : {}) },
      orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
      take: 50_000,
      select: {
        slug: true,
        headline: true,
        publishedAt: true,
        publicUpdatedAt: true,
        section: { select: { slug: true } },
        tags: { select: { tag: { select: { name: true } } } },
      },
    });
    return rows.map((r) => ({
      path: storyPath({ slug: r.slug, section: r.section! }),
      headline: r.headline,
      publishedAt: r.publishedAt!,
      modifiedAt: r.publicUpdatedAt ?? r.publishedAt!,
      keywords: r.tags.map((t) => t.tag.name),
    }));
  },
  () => [tags.sitemaps],
);
