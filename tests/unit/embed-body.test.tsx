import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '@/lib/editor/html';
import { hasPlayer } from '@/lib/editor/output';
import { toPlainText } from '@/lib/editor/plain-text';
import { renderBody } from '@/lib/editor/render';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { publicPolicy } from '@/lib/security/csp';
import { URL_PAYLOADS, XSS_CORPUS } from '../support/xss-corpus';

// Embed nodes in the story body: typed, bounded attributes refused on save when they are not
// what the newsroom's resolver makes, and a card rendered as our own HTML (no provider markup, no
// frame until a reader presses play).

const video = {
  embedId: 'cmembed0000000001',
  url: 'https://www.youtube.com/watch?v=abc',
  kind: 'video',
  provider: 'YouTube',
  title: 'Leaders arrive in Lima',
  authorName: 'Summit TV',
  authorUrl: 'https://www.youtube.com/@summit',
  thumbnailSrc: '/media/abcdef012345/640.webp',
  thumbnailWidth: 640,
  thumbnailHeight: 360,
  text: '',
  playerUrl: 'https://www.youtube-nocookie.com/embed/abc?feature=oembed',
  gone: false,
  caption: 'The delegations at the airport.',
  alt: 'Motorcade on a runway',
};
const doc = (attrs: Record<string, unknown>) => ({ type: 'doc', content: [{ type: 'embed', attrs }] });
const html = (body: Doc) => renderToStaticMarkup(<>{renderBody(body)}</>);

describe('embed nodes in the body schema', () => {
  it('accept what the editor makes, in a quotation or a list too', () => {
    const nested = { type: 'doc', content: [{ type: 'blockquote', content: [{ type: 'embed', attrs: video }] }] };
    expect(parseBody(doc(video)).ok).toBe(true);
    expect(parseBody(nested).ok).toBe(true);
    expect(parseBody(doc({ ...video, authorUrl: null, thumbnailSrc: null, thumbnailWidth: null, thumbnailHeight: null, playerUrl: null })).ok).toBe(true);
  });

  it.each([
    ['an unknown type', { ...video, kind: 'script' }, /kind/],
    ['a javascript: address', { ...video, url: 'javascript:alert(1)' }, /http or https/],
    ['a data: player', { ...video, playerUrl: 'data:text/html,<script>alert(1)</script>' }, /http or https/],
    ['a javascript: author address', { ...video, authorUrl: 'javascript:alert(1)' }, /http or https/],
    ['provider HTML', { ...video, html: '<script>alert(1)</script>' }, /Invalid story body/],
    ['a thumbnail from elsewhere', { ...video, thumbnailSrc: 'https://tracker.example/pixel.gif' }, /media library/],
    ['no embed id', { ...video, embedId: null }, /attrs\.embedId/],
    ['a title with a line break', { ...video, title: 'a\nb' }, /control characters/],
    ['an oversized caption', { ...video, caption: 'x'.repeat(1001) }, /1,000/],
    ['a NUL in the alt text', { ...video, alt: 'a\u0000' }, /NUL/],
    ['a huge width', { ...video, thumbnailWidth: 1e9 }, /thumbnailWidth/],
  ])('refuse %s, saying where', (_what, attrs, message) => {
    const result = parseBody(doc(attrs));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('refuse every address payload of the XSS corpus that is not http(s)', () => {
    for (const entry of URL_PAYLOADS) {
      const result = parseBody(doc({ ...video, url: entry.payload }));
      if (result.ok) expect(/^https?:\/\//i.test(entry.payload.trim()), entry.id).toBe(true);
    }
  });
});

describe('the embed card readers get', () => {
  it('is a figure with our thumbnail, the title linking to the original, author, provider and caption, and no frame', () => {
    const out = html(parseBody(doc(video)).ok ? (doc(video) as Doc) : (null as never));
    expect(out).toMatch(/^<figure class="embed embed-video">/);
    expect(out).toContain('<img src="/media/abcdef012345/640.webp" alt="Motorcade on a runway" width="640" height="360" loading="lazy" decoding="async"/>');
    expect(out).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer nofollow">Leaders arrive in Lima</a>');
    expect(out).toContain('Summit TV');
    expect(out).toContain('Video · YouTube');
    expect(out).toContain('<figcaption>The delegations at the airport.</figcaption>');
    // The player is only named, for /embeds-v1.js to frame after a click; without script the link goes to the original.
    expect(out).toContain('<a href="https://www.youtube.com/watch?v=abc" rel="noopener noreferrer nofollow" data-player="https://www.youtube-nocookie.com/embed/abc?feature=oembed" data-title="Leaders arrive in Lima" class="embed-play">');
    expect(out).not.toMatch(/<iframe|<script/);
    expect(hasPlayer(doc(video) as Doc)).toBe(true);
  });

  it('shows a post’s words as a quotation, and a post gone at the source says so (and plays nothing)', () => {
    const out = html(doc({ ...video, kind: 'rich', text: 'First line\nSecond line', gone: true, playerUrl: null }) as Doc);
    expect(out).toContain('<blockquote cite="https://www.youtube.com/watch?v=abc" class="embed-text"><p>First line</p><p>Second line</p></blockquote>');
    expect(out).toContain('No longer available at the source');
    expect(out).not.toContain('embed-play');
    expect(hasPlayer(doc({ ...video, gone: true }) as Doc)).toBe(false);
  });

  it('is the same markup in the API’s HTML, with the thumbnail made absolute, and its title and caption are its plain text', () => {
    const body = doc(video) as Doc;
    expect(bodyToHtml(body)).toBe(html(body));
    expect(bodyToHtml(body, { base: 'https://news.example.com' })).toContain('src="https://news.example.com/media/abcdef012345/640.webp"');
    expect(toPlainText(body)).toBe('The delegations at the airport.');
    expect(toPlainText(doc({ ...video, caption: '' }) as Doc)).toBe('Leaders arrive in Lima');
  });

  it('keeps every XSS payload inert in its title, author, post text, caption and alt text', () => {
    for (const entry of XSS_CORPUS) {
      const line = entry.payload.replace(/[\u0000-\u001f\u007f]/g, ' ').slice(0, 300);
      const attrs = { ...video, title: line, authorName: line.slice(0, 200), text: line, caption: line, alt: line, kind: 'rich' };
      const result = parseBody(doc(attrs));
      expect(result.ok, entry.id).toBe(true);
      if (!result.ok) continue;
      const out = bodyToHtml(result.doc);
      // The only elements and attributes are the card's own: every payload stays text.
      const tags = [...out.matchAll(/<([a-z0-9]+)((?:\s[a-z-]+="[^"]*")*)\/?>/gi)];
      expect(new Set(tags.map((m) => m[1])), entry.id).toEqual(new Set(['figure', 'div', 'img', 'a', 'p', 'blockquote', 'figcaption']));
      const attributes = new Set(tags.flatMap((m) => [...m[2]!.matchAll(/\s([a-z-]+)="[^"]*"/g)].map((a) => a[1])));
      expect([...attributes].filter((a) => !['class', 'src', 'alt', 'width', 'height', 'loading', 'decoding', 'href', 'rel', 'cite'].includes(a!)), entry.id).toEqual([]);
      expect(out.replace(/<[^>]*>/g, ''), entry.id).not.toMatch(/[<>]/);
    }
  });
});

describe('the public CSP', () => {
  it('frames nothing by default, and exactly the enabled players when told them', () => {
    expect(publicPolicy()).toContain("frame-src 'none'");
    expect(publicPolicy(false, ['https://player.vimeo.com', 'https://www.youtube-nocookie.com'])).toContain('frame-src https://player.vimeo.com https://www.youtube-nocookie.com;');
  });
});
