import { listPublicAuthors, listPublicSections, listPublicTags } from '@/lib/data/public-directory';
import { listSitemapStories } from '@/lib/data/public-sitemap';
import { xml, xmlResponse } from '@/lib/feeds/xml';
import { absoluteUrl } from '@/lib/site';
import { authorPath, sectionPath, tagPath } from '@/lib/urls';

// Built per request from the tag cache: the list changes whenever a story is published.
export const dynamic = 'force-dynamic';

// Every public page a search engine should know: front page, sections, tags, authors, stories.
export async function GET() {
  const [stories, sections, tagList, authors] = await Promise.all([listSitemapStories(null), listPublicSections(), listPublicTags(), listPublicAuthors()]);
  const url = (path: string, lastmod?: Date) => `<url><loc>${xml(absoluteUrl(path))}</loc>${lastmod ? `<lastmod>${lastmod.toISOString()}</lastmod>` : ''}</url>`;
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    url('/', stories[0]?.modifiedAt),
    ...sections.map((s) => url(sectionPath(s))),
    ...tagList.map((t) => url(tagPath(t))),
    ...authors.map((a) => url(authorPath(a))),
    ...stories.map((s) => url(s.path, s.modifiedAt)),
    '</urlset>',
  ].join('\n');
  return xmlResponse(body);
}
