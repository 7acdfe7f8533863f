import { getSiteIdentity } from '@/lib/data/site-identity';
import { getPublicSection } from '@/lib/data/public-directory';
import { listPublishedStories } from '@/lib/data/public-stories';
import { rssResponse } from '@/lib/feeds/rss';
import { sectionPath, decodePath } from '@/lib/urls';

// Cached whole after its first request (ISR); revalidated with its section's page (lib/cache/page-paths.ts).
export const revalidate = 3600;
export function generateStaticParams(): { section: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ section: string }> }) {
  const section = await getPublicSection(decodePath((await params).section));
  if (!section) return new Response('No such section.', { status: 404 });
  const { stories } = await listPublishedStories({ section: section.slug, take: 50 });
  return rssResponse({ title: `${section.name} · ${(await getSiteIdentity()).name}`, path: sectionPath(section), selfPath: `${sectionPath(section)}/feed.xml`, description: `The latest ${section.name} stories.`, stories });
}
