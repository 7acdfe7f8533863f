import type { NewsSitemapStory, SitemapChild, SitemapUrl } from '@/lib/data/public-sitemap';
import { SITE, absoluteUrl } from '@/lib/site';
import { xml } from './xml';

// The XML of the sitemap index, its children and the Google News sitemap.

const HEAD = '<?xml version="1.0" encoding="UTF-8"?>';
const lastmod = (at: Date | null | undefined) => (at ? `<lastmod>${at.toISOString()}</lastmod>` : '');

export function sitemapIndexXml(children: SitemapChild[]): string {
  return [
    HEAD,
    '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...children.map((c) => `<sitemap><loc>${xml(absoluteUrl(`/sitemaps/${c.name}.xml`))}</loc>${lastmod(c.modifiedAt)}</sitemap>`),
    '</sitemapindex>',
  ].join('\n');
}

export function urlsetXml(urls: SitemapUrl[]): string {
  return [
    HEAD,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((u) => `<url><loc>${xml(absoluteUrl(u.path))}</loc>${lastmod(u.modifiedAt)}</url>`),
    '</urlset>',
  ].join('\n');
}

export function newsSitemapXml(stories: NewsSitemapStory[], siteName: string): string {
  return [
    HEAD,
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
    ...stories.map((s) =>
      [
        '<url>',
        `<loc>${xml(absoluteUrl(s.path))}</loc>`,
        '<news:news>',
        `<news:publication><news:name>${xml(siteName)}</news:name><news:language>${SITE.language}</news:language></news:publication>`,
        `<news:publication_date>${s.publishedAt.toISOString()}</news:publication_date>`,
        `<news:title>${xml(s.headline)}</news:title>`,
        s.keywords.length ? `<news:keywords>${xml(s.keywords.join(', '))}</news:keywords>` : '',
        '</news:news>',
        '</url>',
      ].join(''),
    ),
    '</urlset>',
  ].join('\n');
}
