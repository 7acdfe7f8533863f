import type { NewsSitemapStory, SitemapChild, SitemapUrl } from '@/lib/data/public-sitemap';
import { SITE, absoluteUrl } from '@/lib/site';
import { xmlDocument } from './xml';

// The XML of the sitemap index, its children and the Google News sitemap.

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

export function sitemapIndexXml(children: SitemapChild[]): string {
  return xmlDocument({
    sitemapindex: {
      '@_xmlns': SITEMAP_NS,
      sitemap: children.map((c) => ({ loc: absoluteUrl(`/sitemaps/${c.name}.xml`), lastmod: c.modifiedAt?.toISOString() })),
    },
  });
}

export function urlsetXml(urls: SitemapUrl[]): string {
  return xmlDocument({ urlset: { '@_xmlns': SITEMAP_NS, url: urls.map((u) => ({ loc: absoluteUrl(u.path), lastmod: u.modifiedAt?.toISOString() })) } });
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
