import type { PublicStorySummary } from '@/lib/data/public-stories';
import { SITE, absoluteUrl } from '@/lib/site';
import { storyPath } from '@/lib/urls';
import { rssText, xml, xmlResponse } from './xml';

/** An RSS 2.0 feed of the newest stories of a list (the whole site, one section, one tag). */
export function rssResponse(feed: { title: string; path: string; selfPath: string; description: string; stories: PublicStorySummary[] }): Response {
  const items = feed.stories.map((s) => {
    const url = absoluteUrl(storyPath(s));
    return [
      '<item>',
      `<title>${rssText(s.headline)}</title>`,
      `<link>${xml(url)}</link>`,
      `<guid isPermaLink="true">${xml(url)}</guid>`,
      `<pubDate>${s.publishedAt.toUTCString()}</pubDate>`,
      s.dek ? `<description>${rssText(s.dek)}</description>` : '',
      ...s.bylines.map((b) => `<dc:creator>${rssText(b.name)}</dc:creator>`),
      `<category>${rssText(s.section.name)}</category>`,
      ...s.tags.map((t) => `<category>${rssText(t.name)}</category>`),
      s.image ? `<media:content url="${xml(absoluteUrl(s.image.src))}" medium="image" width="${s.image.width}" height="${s.image.height}"/>` : '',
      '</item>',
    ].join('');
  });
  const newest = feed.stories[0]?.updatedAt ?? new Date(0);
  const body = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">',
    '<channel>',
    `<title>${rssText(feed.title)}</title>`,
    `<link>${xml(absoluteUrl(feed.path))}</link>`,
    `<description>${rssText(feed.description)}</description>`,
    `<language>${SITE.language}</language>`,
    `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>`,
    `<atom:link href="${xml(absoluteUrl(feed.selfPath))}" rel="self" type="application/rss+xml"/>`,
    ...items,
    '</channel>',
    '</rss>',
  ].join('\n');
  return xmlResponse(body, 'application/rss+xml');
}
