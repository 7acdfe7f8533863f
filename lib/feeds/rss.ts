import type { PublicEntry } from '@/lib/data/live-public';
import type { PublicStorySummary } from '@/lib/data/public-stories';
import { toPlainText } from '@/lib/editor/plain-text';
import { SITE, absoluteUrl } from '@/lib/site';
import { storyPath } from '@/lib/urls';
import { rssText, xmlDocument, xmlResponse } from './xml';

/** An RSS 2.0 feed of the newest stories of a list (the whole site, one section, one tag). */
export function rssResponse(feed: { title: string; path: string; selfPath: string; description: string; stories: PublicStorySummary[] }): Response {
  const item = feed.stories.map((s) => {
    const url = absoluteUrl(storyPath(s));
    return {
      title: rssText(s.headline),
      link: url,
      guid: { '@_isPermaLink': 'true', '#text': url },
      pubDate: s.publishedAt.toUTCString(),
      description: s.dek ? rssText(s.dek) : undefined,
      'dc:creator': s.bylines.map((b) => rssText(b.name)),
      category: [s.section.name, ...s.tags.map((t) => t.name)].map(rssText),
      'media:content': s.image ? { '@_url': absoluteUrl(s.image.src), '@_medium': 'image', '@_width': s.image.width, '@_height': s.image.height } : undefined,
    };
  });
  const newest = feed.stories[0]?.updatedAt ?? new Date(0);
  const body = xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      '@_xmlns:media': 'http://search.yahoo.com/mrss/',
      channel: {
        title: rssText(feed.title),
        link: absoluteUrl(feed.path),
        description: rssText(feed.description),
        language: SITE.language,
        lastBuildDate: newest.toUTCString(),
        'atom:link': { '@_href': absoluteUrl(feed.selfPath), '@_rel': 'self', '@_type': 'application/rss+xml' },
        item,
      },
    },
  });
  return xmlResponse(body, 'application/rss+xml');
}

/** An RSS 2.0 feed of a live blog's newest entries, each linking to its place on the page. */
export function liveRssResponse(feed: { title: string; path: string; description: string; entries: PublicEntry[] }): Response {
  const page = absoluteUrl(feed.path);
  const item = feed.entries.map((e) => {
    const url = `${page}#entry-${e.id}`;
    const text = toPlainText(e.body);
    return {
      title: rssText(e.headline || (text.split('\n')[0] ?? '').slice(0, 110)),
      link: url,
      guid: { '@_isPermaLink': 'true', '#text': url },
      pubDate: e.postedAt.toUTCString(),
      description: rssText(text),
      'dc:creator': e.author ? rssText(e.author.name) : undefined,
    };
  });
  const body = xmlDocument({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': 'http://www.w3.org/2005/Atom',
      '@_xmlns:dc': 'http://purl.org/dc/elements/1.1/',
      channel: {
        title: rssText(feed.title),
        link: page,
        description: rssText(feed.description),
        language: SITE.language,
        lastBuildDate: (feed.entries[0]?.postedAt ?? new Date(0)).toUTCString(),
        'atom:link': { '@_href': `${page}/feed.xml`, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item,
      },
    },
  });
  return xmlResponse(body, 'application/rss+xml');
}
