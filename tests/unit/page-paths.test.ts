import { describe, expect, it } from 'vitest';
import { EVERY_PAGE, INTERNAL_PAGES, isInternalPath, pagePathsForKeys } from '@/lib/cache/page-paths';
import { pagePathsIn, pageTag } from '@/lib/cache/pages';
import { storyCacheKeys } from '@/lib/cache/keys';

describe('cached pages reached by a change', () => {
  it('a published story reaches its section, tags, authors, the front page, feeds and sitemaps', () => {
    const paths = pagePathsForKeys(storyCacheKeys({ id: 's1', section: 'world', tags: ['north-korea', 'japan'], authors: ['lee-jon-young'] }));
    expect(paths.sort()).toEqual(
      [
        '/world',
        '/world/feed.xml',
        '/tags/north-korea',
        '/tags/north-korea/feed.xml',
        '/tags/japan',
        '/tags/japan/feed.xml',
        '/authors/lee-jon-young',
        INTERNAL_PAGES.front,
        INTERNAL_PAGES.feed,
        INTERNAL_PAGES.sitemapIndex,
        INTERNAL_PAGES.newsSitemap,
        INTERNAL_PAGES.sitemapPages,
      ].sort(),
    );
  });

  it('a correction also reaches the corrections page; reference lists reach no page', () => {
    expect(pagePathsForKeys(['corrections'])).toEqual([INTERNAL_PAGES.corrections]);
    expect(pagePathsForKeys(['directory', 'story:s1'])).toEqual([]);
  });

  it('slugs are written as addresses are: a Korean tag is percent-encoded', () => {
    expect(pagePathsForKeys(['tag:한국'])).toEqual(['/tags/%ED%95%9C%EA%B5%AD', '/tags/%ED%95%9C%EA%B5%AD/feed.xml']);
  });

  it('a NOTIFY payload names article addresses and list tags; both become pages', () => {
    expect(pagePathsIn([pageTag('/world/a-story'), 'section:world', 'story:s1']).sort()).toEqual(['/world', '/world/a-story', '/world/feed.xml']);
  });

  it('names every page under the root layout when invalidations may have been missed', () => {
    expect(EVERY_PAGE).toBe('layout:/');
  });
});

describe('internal addresses', () => {
  it.each(['/cached/front', '/cached', '/older/section/world', '/older'])('%s is refused to clients', (path) => {
    expect(isInternalPath(path)).toBe(true);
  });
  it.each(['/', '/world', '/cachedx', '/world/older', '/tags/cached'])('%s is a public address', (path) => {
    expect(isInternalPath(path)).toBe(false);
  });
});
