import { childRange, listSitemapStories } from '@/lib/data/public-sitemap';
import { urlsetXml } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';

// One file per month of stories (or per day, for a month over 50,000); /sitemaps/pages.xml is
// rewritten to app/(public)/cached/files. Rendered per request and
// kept by the cache front (key "sitemaps", purged on every story change), not by the origin's page
// cache: a month of a large archive is over a megabyte, and storing it in Next's cache costs more
// than writing it (and would crowd the pages out of the cache's memory).

export const dynamic = 'force-dynamic';

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const range = file.endsWith('.xml') ? childRange(file.slice(0, -4)) : null;
  if (!range) return new Response('Not found.', { status: 404 });
  return xmlResponse(urlsetXml(await listSitemapStories(range)));
}
