import type { NewsSitemapStory, SitemapChild, SitemapUrl } from '@/lib/data/public-sitemap';
import { SITE, absoluteUrl } from '@/lib/site';
import { xmlDocument, xmlText } from './xml';

// The XML of the sitemap index, its children and the Google News sitemap.

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const PLAIN_PATH = /^(\/[A-Za-z0-9-]+)+$/;

export function sitemapIndexXml(children: SitemapChild[]): string {
  return xmlDocument({
    sitemapindex: {
      '@_xmlns': SITEMAP_NS,
      sitemap: children.map((c) => ({ loc: absoluteUrl(`/sitemaps/${c.name}.xml`), lastmod: c.modifiedAt?.toISOString() })),
    },
  });
}

/**
 * A sitemap of up to 50,000 addresses, written directly rather than through the builder (which
 * takes several milliseconds per thousand elements): one line per address, each text escaped.
 */
export function urlsetXml(urls: SitemapUrl[]): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', `<urlset xmlns="${SITEMAP_NS}">`];
  // Most addresses are plain ASCII segments, which resolve to the origin followed by the path
  // unchanged; the rest (a Korean slug, say) go through the URL parser.
  const origin = xmlText(absoluteUrl('/').slice(0, -1));
  for (const u of urls) {
    const loc = PLAIN_PATH.test(u.path) ? origin + u.path : xmlText(absoluteUrl(u.path));
    lines.push(`<url><loc>${loc}</loc>${u.modifiedAt ? `<lastmod>${u.modifiedAt.toISOString()}</lastmod>` : ''}</url>`);
  }
  lines.push('</urlset>');
  return lines.join('\n');
}

export function newsSitemapXml(stories: NewsSitemapStory[], siteName: string): string {
  return xmlDocument({
    urlset: {
      '@_xmlns': SITEMAP_NS,
      '@_xmlns:news': 'http://www.google.com/schemas/sitemap-news/0.9',
      url: stories.map((s) => ({
        loc: absoluteUrl(s.path),
        'news:news': {
          'news:publication': { 'news:name': siteName, 'news:language': SITE.language },
          'news:publication_date': s.publishedAt.toISOString(),
          'news:title': s.headline,
          'news:keywords': s.keywords.length ? s.keywords.join(', ') : undefined,
        },
      })),
    },
  });
}
