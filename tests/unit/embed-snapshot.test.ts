import { describe, expect, it } from 'vitest';
import { BUILT_IN_PROVIDERS, type Provider } from '@/lib/embeds/providers';
import { EmbedAnswerError, snapshotFromOembed, snapshotFromPage, textOfHtml } from '@/lib/embeds/snapshot';

// oEmbed answers of each type, and pages' card tags, become the same bounded data; provider HTML
// never survives as HTML.

const provider = (name: string) => BUILT_IN_PROVIDERS.find((p) => p.provider_name === name)!;

describe('an oEmbed answer', () => {
  it('of a video keeps its title, author, thumbnail and a player on an allowed host (YouTube without cookies)', () => {
    const s = snapshotFromOembed(
      {
        type: 'video', version: '1.0', title: 'Leaders arrive in Lima', author_name: 'Summit TV', author_url: 'https://www.youtube.com/@summit', provider_name: 'YouTube',
        thumbnail_url: 'https://i.ytimg.com/vi/abc/hqdefault.jpg', thumbnail_width: 480, thumbnail_height: 360,
        html: '<iframe width="200" height="113" src="https://www.youtube.com/embed/abc?feature=oembed" allowfullscreen></iframe>',
      },
      'https://www.youtube.com/watch?v=abc',
      provider('YouTube'),
    );
    expect(s).toEqual({
      kind: 'video', url: 'https://www.youtube.com/watch?v=abc', provider: 'YouTube', title: 'Leaders arrive in Lima', authorName: 'Summit TV', authorUrl: 'https://www.youtube.com/@summit',
      thumbnailUrl: 'https://i.ytimg.com/vi/abc/hqdefault.jpg', width: 480, height: 360, text: '', playerUrl: 'https://www.youtube-nocookie.com/embed/abc?feature=oembed',
    });
  });

  it('of a video framing a host that is not the provider’s player keeps no player', () => {
    const s = snapshotFromOembed({ type: 'video', title: 'x', html: '<iframe src="https://tracker.test/player"></iframe>' }, 'https://vimeo.com/1', provider('Vimeo'));
    expect(s.playerUrl).toBeNull();
    const js = snapshotFromOembed({ type: 'video', title: 'x', html: '<iframe src="javascript:alert(1)"></iframe>' }, 'https://vimeo.com/1', provider('Vimeo'));
    expect(js.playerUrl).toBeNull();
  });

  it('of a photo is its own picture', () => {
    const s = snapshotFromOembed({ type: 'photo', version: '1.0', url: 'https://live.staticflickr.com/1/2_b.jpg', width: 1024, height: 683, title: 'Harbour at dawn' }, 'https://www.flickr.com/photos/a/2', provider('Flickr'));
    expect(s).toMatchObject({ kind: 'photo', thumbnailUrl: 'https://live.staticflickr.com/1/2_b.jpg', width: 1024, height: 683, title: 'Harbour at dawn', provider: 'Flickr' });
  });

  it('of a rich post keeps the post’s words as text, never its HTML or scripts', () => {
    const s = snapshotFromOembed(
      {
        type: 'rich', version: '1.0', author_name: 'Minister', author_url: 'https://x.com/minister', provider_name: 'X',
        html: '<blockquote class="twitter-tweet"><p lang="en">We will meet again &amp; soon.<br>See you in Seoul.</p>&mdash; Minister (@minister) <a href="https://x.com/minister/status/1">Nov 16, 2024</a></blockquote><script async src="https://platform.twitter.com/widgets.js"></script>',
      },
      'https://x.com/minister/status/1',
      provider('X'),
    );
    expect(s.kind).toBe('rich');
    expect(s.text).toBe('We will meet again & soon.\nSee you in Seoul.\n— Minister (@minister) Nov 16, 2024');
    expect(s.text).not.toContain('<');
    expect(s.playerUrl).toBeNull();
  });

  it('of a link, bounded: long fields cut, control characters gone, non-web addresses dropped', () => {
    const s = snapshotFromOembed({ type: 'link', title: `A${'b'.repeat(500)}\u0000`, author_url: 'javascript:alert(1)', thumbnail_url: 'data:image/png;base64,xx', thumbnail_width: -5 }, 'https://example.com/a', { provider_name: 'Example', provider_url: 'https://example.com/', endpoints: [{ schemes: [] }] } as Provider);
    expect(s.title).toHaveLength(300);
    expect(s.authorUrl).toBeNull();
    expect(s.thumbnailUrl).toBeNull();
    expect(s.width).toBeNull();
  });

  it('that is not oEmbed is refused', () => {
    for (const answer of [null, 'text', { type: 'script' }, { title: 'no type' }, []]) {
      expect(() => snapshotFromOembed(answer, 'https://vimeo.com/1', provider('Vimeo'))).toThrow(EmbedAnswerError);
    }
  });
});

describe('a page’s card tags', () => {
  const page = `<!doctype html><html><head><title>Fallback title</title>
    <meta property="og:title" content="Port strike enters &quot;second week&quot;">
    <meta content="The Harbour Times" property="og:site_name">
    <meta property='og:image' content='/images/port.jpg'>
    <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
    <meta name="description" content="Dockworkers walked out on Monday.">
    <meta property="og:url" content="https://harbour.example/news/port-strike">
    <meta name="author" content="Sam Okafor">
    </head><body><meta property="og:title" content="Not in the head"></body></html>`;

  it('become a link card with the image resolved against the page', () => {
    expect(snapshotFromPage(page, 'https://harbour.example/news/port-strike?utm=x')).toEqual({
      kind: 'link', url: 'https://harbour.example/news/port-strike', provider: 'The Harbour Times', title: 'Port strike enters "second week"', authorName: 'Sam Okafor', authorUrl: null,
      thumbnailUrl: 'https://harbour.example/images/port.jpg', width: 1200, height: 630, text: 'Dockworkers walked out on Monday.', playerUrl: null,
    });
  });

  it('fall back to the title and the host; a canonical address on another site is not taken', () => {
    const bare = snapshotFromPage('<html><head><title>Just a page</title><meta property="og:url" content="https://elsewhere.test/x"></head></html>', 'https://plain.example/page');
    expect(bare).toMatchObject({ title: 'Just a page', provider: 'plain.example', url: 'https://plain.example/page', thumbnailUrl: null });
  });
});

describe('provider HTML as text', () => {
  it('drops scripts, styles and frames, and decodes entities once', () => {
    expect(textOfHtml('<p>a &lt;b&gt; &amp;amp;</p><script>alert(1)</script><style>p{}</style><iframe src="x"></iframe><p>c&#x27;d&#39;e</p>')).toBe("a <b> &amp;\nc'd'e");
  });
});
