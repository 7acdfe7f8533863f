import { getSiteIdentity } from '@/lib/data/site-identity';
import { listSitemapChildren, listNewsSitemapStories, listSitemapPages } from '@/lib/data/public-sitemap';
import { listPublishedStories } from '@/lib/data/public-stories';
import { rssResponse } from '@/lib/feeds/rss';
import { newsSitemapXml, sitemapIndexXml, urlsetXml } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';

// /feed.xml, /sitemap.xml, /news-sitemap.xml and /sitemaps/pages.xml, cached whole after their first request (ISR) and
// revalidated by every change that reaches them (lib/cache/pages.ts). Behind rewrites at a dynamic
// address for the reason given in app/(public)/cached/[page]/page.tsx.

export const revalidate = 3600;
export function generateStaticParams(): { file: string }[] {
  return [];
}

// Google News reads stories of the last 48 hours.
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

const FILES: Record<string, () => Promise<Response>> = {
  'feed.xml': async () => {
    const { stories } = await listPublishedStories({ take: 50 });
    const site = await getSiteIdentity();
    return rssResponse({ title: site.name, path: '/', selfPath: '/feed.xml', description: site.description, stories });
  },
  'sitemap.xml': async () => xmlResponse(sitemapIndexXml(await listSitemapChildren())),
  'sitemap-pages.xml': async () => xmlResponse(urlsetXml(await listSitemapPages())),
  'news-sitemap.xml': async () => xmlResponse(newsSitemapXml(await listNewsSitemapStories(new Date(Date.now() - NEWS_WINDOW_MS)), (await getSiteIdentity()).name)),
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const build = FILES[(await params).file];
  return build ? build() : new Response('Not found.', { status: 404 });
}
