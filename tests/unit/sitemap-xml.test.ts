import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { urlsetXml } from '@/lib/feeds/sitemap';
import { XSS_CORPUS } from '../support/xss-corpus';

// Story sitemaps are written directly (lib/feeds/sitemap.ts), not by the XML builder: every address
// must come back from a real XML parser exactly as given, whatever its characters.

process.env.MASTHEAD_SITE_URL ??= 'https://news.example.com';

const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'url' }).parse(xml);

describe('a story sitemap', () => {
  it('lists each address with its last change, in order', () => {
    const at = new Date('2024-11-16T22:30:00.000Z');
    const xml = urlsetXml([{ path: '/world/yoon-ishiba-second-summit-lima', modifiedAt: at }, { path: '/business/no-date' }]);
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(true);
    const doc = parse(xml);
    expect(doc.urlset.url).toEqual([
      { loc: 'https://news.example.com/world/yoon-ishiba-second-summit-lima', lastmod: '2024-11-16T22:30:00.000Z' },
      { loc: 'https://news.example.com/business/no-date' },
    ]);
  });

  it('keeps every payload of the XSS corpus inside its element, and a Korean address encoded', () => {
    const urls = XSS_CORPUS.map((entry) => ({ path: `/world/${entry.payload}` }));
    const doc = parse(urlsetXml([...urls, { path: '/world/북한-미사일' }]));
    expect(doc.urlset.url).toHaveLength(urls.length + 1);
    XSS_CORPUS.forEach((entry, i) => expect(doc.urlset.url[i].loc, entry.id).toBe(new URL(`/world/${entry.payload}`, 'https://news.example.com/').toString()));
    expect(doc.urlset.url.at(-1).loc).toBe(`https://news.example.com/world/${encodeURI('북한-미사일')}`);
  });

  it('resolves plain and unusual paths as the URL parser does', () => {
    const paths = ['/world/plain-slug-2024', '/world//evil.example.com', '/a/../b', '/world/Ünïcode', '/world/a b', '/world/%41'];
    const doc = parse(urlsetXml(paths.map((path) => ({ path }))));
    paths.forEach((path, i) => expect(doc.urlset.url[i].loc, path).toBe(new URL(path, 'https://news.example.com/').toString()));
  });

  it('escapes what a URL may still carry and drops what XML forbids', () => {
    const xml = urlsetXml([{ path: `/a?b=1&c='d'` }, { path: '/x\u0001y' }]);
    expect(xml).toContain('<loc>https://news.example.com/a?b=1&amp;c=%27d%27</loc>');
    const doc = parse(xml);
    expect(doc.urlset.url[0].loc).toBe(`https://news.example.com/a?b=1&c=%27d%27`);
    expect(doc.urlset.url[1].loc).not.toContain('\u0001');
  });
});
