import { childRange, listSitemapPages, listSitemapStories } from '@/lib/data/public-sitemap';
import { urlsetXml } from '@/lib/feeds/sitemap';
import { xmlResponse } from '@/lib/feeds/xml';

// The children of /sitemap.xml: "pages.xml" (front, sections, tags, authors) and one file per
// month of stories. Cached whole after their first request (ISR); every story change revalidates
// them all (lib/cache/page-paths.ts), each re-rendered only when next asked for.

export const revalidate = 3600;
export function generateStaticParams(): { file: string }[] {
  return [];
}

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const file = (await params).file;
  const name = file.endsWith('.xml') ? file.slice(0, -4) : null;
  if (name === 'pages') return xmlResponse(urlsetXml(await listSitemapPages()));
  const range = name ? childRange(name) : null;
  if (!range) return new Response('Not found.', { status: 404 });
  return xmlResponse(urlsetXml(await listSitemapStories(range)));
}
