import { listSitemapStories } from '@/lib/data/public-sitemap';
import { xml, xmlResponse } from '@/lib/feeds/xml';
import { SITE, absoluteUrl } from '@/lib/site';

// Built per request from the tag cache: the list changes whenever a story is published.
export const dynamic = 'force-dynamic';

// A Google News sitemap: stories published in the last 48 hours, as Google News asks.
const WINDOW_MS = 48 * 60 * 60 * 1000;

export async function GET() {
  // Rounded to the minute so that the cached list is shared by every request in that minute.
  const since = new Date(Math.floor((Date.now() - WINDOW_MS) / 60_000) * 60_000).toISOString();
  const stories = await listSitemapStories(since);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...stories.map((s) =>
      [
        '<url>',
        `<loc>${xml(absoluteUrl(s.path))}</loc>`,
        '<news:news>',
        `<news:publication><news:name>${xml(SITE.name)}</news:name><news:language>${SITE.language}</news:language></news:publication>`,
        `<news:publication_date>${s.publishedAt.toISOString()}</news:publication_date>`,
        `<news:title>${xml(s.headline)}</news:title>`,
        s.keywords.length ? `<news:keywords>${xml(s.keywords.join(', '))}</news:keywords>` : '',
        '</news:news>',
        '</url>',
      ].join(''),
    ),
    '</urlset>',
  ].join('\n');
  return xmlResponse(body);
}
