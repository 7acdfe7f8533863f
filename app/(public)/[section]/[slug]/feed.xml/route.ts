import { getLiveBlog } from '@/lib/data/live-public';
import { getPublishedStory } from '@/lib/data/public-stories';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { liveRssResponse } from '@/lib/feeds/rss';
import { decodePath, storyPath } from '@/lib/urls';

// A live blog's own feed: its newest entries. Cached at the cache front under the story's address
// key (purged with every entry change), like live.json.

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ section: string; slug: string }> }) {
  const { section, slug } = await params;
  const story = await getPublishedStory(decodePath(section), decodePath(slug));
  const blog = story?.live ? await getLiveBlog(story.id) : null;
  if (!story || !blog) return new Response('No live blog at this address.', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'public, max-age=0, s-maxage=60' } });
  return liveRssResponse({ title: `${story.headline} · ${(await getSiteIdentity()).name}`, path: storyPath(story), description: story.dek || `Live coverage: ${story.headline}`, entries: blog.entries });
}
