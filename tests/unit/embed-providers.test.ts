import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROVIDERS, endpointHosts, matchProvider, oembedRequest, parseProviders } from '@/lib/embeds/providers';

// Which provider an address belongs to, by the schemes of a list in oEmbed's providers.json format.

const name = (address: string) => matchProvider(address, BUILT_IN_PROVIDERS)?.provider.provider_name ?? null;

describe('the providers list', () => {
  it.each([
    ['https://www.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube'],
    ['https://m.youtube.com/watch?v=dQw4w9WgXcQ', 'YouTube'],
    ['https://youtu.be/dQw4w9WgXcQ', 'YouTube'],
    ['https://www.youtube.com/shorts/abc', 'YouTube'],
    ['https://vimeo.com/76979871', 'Vimeo'],
    ['https://x.com/someone/status/1850000000000000000', 'X'],
    ['https://twitter.com/someone/status/1', 'X'],
    ['https://www.instagram.com/p/C1a2b3/', 'Instagram'],
    ['https://www.facebook.com/page/posts/123', 'Facebook'],
    ['https://www.tiktok.com/@someone/video/7000000000000000000', 'TikTok'],
    ['https://bsky.app/profile/someone.bsky.social/post/3kabc', 'Bluesky'],
    ['https://soundcloud.com/artist/track', 'SoundCloud'],
    ['https://open.spotify.com/episode/abc', 'Spotify'],
    ['https://www.flickr.com/photos/someone/123', 'Flickr'],
    ['https://www.documentcloud.org/documents/123-filing', 'DocumentCloud'],
    ['https://datawrapper.dwcdn.net/AbCdE/1/', 'Datawrapper'],
    ['https://public.flourish.studio/visualisation/123/', 'Flourish'],
    ['https://www.google.com/maps/place/Lima', 'Google Maps'],
    ['https://www.openstreetmap.org/#map=12/-12.05/-77.04', 'OpenStreetMap'],
  ])('%s is %s', (address, provider) => {
    expect(name(address)).toBe(provider);
  });

  it('does not let a wildcard reach from one part of an address into another', () => {
    // The host wildcard stands for labels: these are not YouTube.
    expect(name('https://evil.test/?.youtube.com/watch?v=x')).toBeNull();
    expect(name('https://evil.test/.youtube.com/watch')).toBeNull();
    expect(name('https://www.youtube.com.evil.test/watch?v=x')).toBeNull();
    expect(name('https://www.youtube.com@evil.test/watch?v=x')).toBeNull();
    expect(name('http://www.youtube.com/watch?v=x')).toBeNull(); // the scheme says https
    expect(name('https://example.com/article')).toBeNull();
    expect(name('not an address')).toBeNull();
  });

  it('gives the oEmbed request for a match, with {format} filled in, and none for providers without an endpoint', () => {
    const vimeo = matchProvider('https://vimeo.com/76979871', BUILT_IN_PROVIDERS)!;
    expect(vimeo.endpoint).toBe('https://vimeo.com/api/oembed.json');
    const request = new URL(oembedRequest(vimeo.endpoint!, 'https://vimeo.com/76979871'));
    expect(request.searchParams.get('url')).toBe('https://vimeo.com/76979871');
    expect(request.searchParams.get('format')).toBe('json');
    expect(matchProvider('https://www.openstreetmap.org/node/1', BUILT_IN_PROVIDERS)!.endpoint).toBeNull();
    expect(endpointHosts(BUILT_IN_PROVIDERS)).toContain('www.youtube.com');
  });

  it('reads a list in providers.json’s format and refuses one that is not', () => {
    const list = parseProviders([{ provider_name: 'Local', provider_url: 'http://127.0.0.1:4100/', endpoints: [{ schemes: ['http://127.0.0.1:4100/video/*'], url: 'http://127.0.0.1:4100/oembed' }] }]);
    expect(matchProvider('http://127.0.0.1:4100/video/1', list)?.endpoint).toBe('http://127.0.0.1:4100/oembed');
    expect(() => parseProviders([{ provider_name: 'No endpoints', provider_url: 'https://x.test/', endpoints: [] }])).toThrow(/providers\.json/);
    expect(() => parseProviders({ not: 'a list' })).toThrow(/providers\.json/);
  });
});
