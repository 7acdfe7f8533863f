import { listPublishedStories } from '@/lib/data/public-stories';
import { rssResponse } from '@/lib/feeds/rss';
import { SITE } from '@/lib/site';

// Built per request from the tag cache: the list changes whenever a story is published.
export const dynamic = 'force-dynamic';

export async function GET() {
  const { stories } = await listPublishedStories({ take: 50 });
  return rssResponse({ title: SITE.name, path: '/', selfPath: '/feed.xml', description: SITE.description, stories });
}
