import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/reading/article-view';
import { LiveBlogView } from '@/components/reading/live-blog';
import { RelatedStories } from '@/components/reading/related-stories';
import { getLiveBlog } from '@/lib/data/live-public';
import { getPublishedStory, listRelatedStories } from '@/lib/data/public-stories';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { liveBlogJsonLd, newsArticleJsonLd, scriptSafeJson } from '@/lib/seo/json-ld';
import { articleMetadata } from '@/lib/seo/metadata';
import { absoluteUrl } from '@/lib/site';
import { decodePath, storyPath } from '@/lib/urls';

type Props = { params: Promise<{ section: string; slug: string }> };

// Article pages are rendered once and then served from Next's page cache (ISR), none at build
// time. Every write that changes a story revalidates its addresses (lib/cache/pages.ts), from a
// request or, for the job worker and other instances, through this server's revalidation route.
// The hour bounds how stale the related-stories box of an untouched article can get.
export const revalidate = 3600;
export function generateStaticParams(): { section: string; slug: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const story = await getPublishedStory(decodePath(section), decodePath(slug));
  return story ? articleMetadata(story, (await getSiteIdentity()).name) : {};
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const story = await getPublishedStory(decodePath(section), decodePath(slug));
  // Moved and unpublished stories never get here: the proxy answers their URLs with 301 or 410.
  if (!story) notFound();
  const [related, site, live] = await Promise.all([listRelatedStories(story.id, 4), getSiteIdentity(), story.live ? getLiveBlog(story.id) : null]);

  return (
    <>
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: scriptSafeJson(live ? liveBlogJsonLd(story, live, absoluteUrl, site.name) : newsArticleJsonLd(story, absoluteUrl, site.name)) }} />
      <ArticleView story={story} live={live && <LiveBlogView blog={live} storyUrl={storyPath(story)} />} after={<RelatedStories stories={related} />} />
    </>
  );
}
