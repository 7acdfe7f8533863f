import { getSiteIdentity } from '@/lib/data/site-identity';
import { getPublicTag } from '@/lib/data/public-directory';
import { listPublishedStories } from '@/lib/data/public-stories';
import { rssResponse } from '@/lib/feeds/rss';
import { tagPath, decodePath } from '@/lib/urls';

// Cached whole after its first request (ISR); revalidated with its tag's page (lib/cache/page-paths.ts).
export const revalidate = 3600;
export function generateStaticParams(): { tag: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ tag: string }> }) {
  const tag = await getPublicTag(decodePath((await params).tag));
  if (!tag) return new Response('No such tag.', { status: 404 });
  const { stories } = await listPublishedStories({ tag: tag.slug, take: 50 });
  return rssResponse({ title: `${tag.name} · ${(await getSiteIdentity()).name}`, path: tagPath(tag), selfPath: `${tagPath(tag)}/feed.xml`, description: `Stories about ${tag.name}.`, stories });
}
