import { describe, expect, it } from 'vitest';
import { keysForPath, storyFrontKeys, xkeyHeader } from '@/lib/cache/front-keys';

describe('surrogate keys by path', () => {
  it.each([
    ['/', ['home', 'site']],
    ['/world', ['section:world', 'site']],
    ['/world/', ['section:world', 'site']],
    ['/world/yoon-ishiba-second-summit-lima', ['path:world/yoon-ishiba-second-summit-lima', 'site']],
    ['/world/lima-summit-live/live.json', ['path:world/lima-summit-live', 'site']],
    ['/world/lima-summit-live/updates', ['path:world/lima-summit-live', 'site']],
    ['/world/lima-summit-live/feed.xml', ['path:world/lima-summit-live', 'feeds', 'site']],
    ['/world/feed.xml', ['section:world', 'feeds', 'site']],
    ['/tags/north-korea', ['tag:north-korea', 'site']],
    ['/tags/north-korea/feed.xml', ['tag:north-korea', 'feeds', 'site']],
    ['/authors/lee-jon-young', ['author:lee-jon-young', 'site']],
    ['/feed.xml', ['feeds', 'home', 'site']],
    ['/sitemap.xml', ['sitemaps', 'site']],
    ['/news-sitemap.xml', ['sitemaps', 'site']],
    ['/sitemaps/stories-2024-11.xml', ['sitemaps', 'site']],
    ['/sitemaps/pages.xml', ['sitemaps', 'site']],
    ['/corrections', ['corrections', 'site']],
    ['/api/v1/stories', ['api-lists', 'site']],
    ['/api/v1/stories/yoon-ishiba-second-summit-lima', ['api-story:yoon-ishiba-second-summit-lima', 'site']],
    ['/api/v1/sections', ['directory', 'site']],
    ['/robots.txt', ['static']],
    ['/manifest.webmanifest', ['directory', 'site']],
    ['/_next/static/chunks/app.js', ['static']],
    ['/media/abcdef012345/960.webp', ['static']],
    ['/politics/%ED%95%9C%EA%B5%AD', ['path:politics/한국', 'site']],
  ])('%s → %j', (path, keys) => {
    expect(keysForPath(path)).toEqual(keys);
  });

  it.each(['/newsroom', '/newsroom/stories/x', '/login', '/reset-password/abc', '/preview/tok', '/search', '/api/desk/stories', '/api/auth/session', '/api/csp-report', '/api/health', '/api/ready'])(
    'never caches %s',
    (path) => {
      expect(keysForPath(path)).toBeNull();
    },
  );
});

describe('the keys a story change purges', () => {
  it('names its lists, every path it has had, and its API documents by id and by each slug', () => {
    const keys = storyFrontKeys(['story:s1', 'section:world', 'tag:japan', 'author:lee', 'home', 'feeds', 'sitemaps', 'directory'], {
      id: 's1',
      paths: ['world/old-slug', 'world/new-slug'],
    });
    expect(keys.sort()).toEqual(
      ['section:world', 'tag:japan', 'author:lee', 'home', 'feeds', 'sitemaps', 'directory', 'path:world/old-slug', 'path:world/new-slug', 'api-story:s1', 'api-story:old-slug', 'api-story:new-slug', 'api-lists'].sort(),
    );
  });

  it('purges exactly the key a page at that path carries', () => {
    const keys = storyFrontKeys(['section:world'], { id: 's1', paths: ['world/a-story'] });
    for (const path of ['/world/a-story', '/world', '/api/v1/stories/a-story', '/api/v1/stories/s1', '/api/v1/stories']) {
      expect(keys, path).toContain(keysForPath(path)![0]);
    }
  });
});

describe('the xkey header', () => {
  it('is ASCII, and names a Korean article the same way on the response and in the purge', () => {
    const served = xkeyHeader(keysForPath('/world/%EB%B6%81%ED%95%9C-%EB%AF%B8%EC%82%AC%EC%9D%BC')!);
    const purged = xkeyHeader(storyFrontKeys([], { id: 's1', paths: ['world/북한-미사일'] }));
    expect(served).toMatch(/^[\x21-\x7e ]+$/);
    expect(purged.split(' ')).toContain(served.split(' ')[0]);
    expect(xkeyHeader(['home', 'story:abc'])).toBe('home story:abc');
  });
});
