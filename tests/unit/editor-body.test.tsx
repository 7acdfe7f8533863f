import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { countWords, docFromPlainText, toPlainText } from '@/lib/editor/plain-text';
import { renderBody } from '@/lib/editor/render';
import { isSafeHref } from '@/lib/editor/safe-url';
import { MAX_BODY_BYTES, parseBody } from '@/lib/editor/schema';
import { SHARED_CORPUS, URL_PAYLOADS, XSS_CORPUS } from '../support/xss-corpus';
import { OWN_PAYLOADS } from '../support/xss-payloads';

const paragraph = (text: string, marks?: unknown[]) => ({
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text, ...(marks ? { marks } : {}) }] }],
});
const link = (href: string) => paragraph('link', [{ type: 'link', attrs: { href } }]);

describe('parseBody', () => {
  it('accepts the structures the editor produces', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Talks' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }] }, { type: 'hardBreak' }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Quoted.”' }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
        { type: 'horizontalRule' },
        { type: 'paragraph', content: [{ type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.com/a?b=c' } }] }] },
      ],
    };
    expect(parseBody(doc)).toEqual({ ok: true, doc });
  });

  it.each([
    [{ type: 'doc', content: [{ type: 'script', content: [] }] }, /content\.0/],
    [paragraph('x', [{ type: 'underline' }]), /content\.0\.content\.0\.marks\.0/],
    [{ type: 'doc', content: [{ type: 'heading', attrs: { level: 1 }, content: [] }] }, /attrs\.level/],
    [{ type: 'doc', content: [{ type: 'paragraph', attrs: { onclick: 'x' } }] }, /Invalid story body/],
    [{ type: 'doc', content: 'text' }, /Invalid story body/],
    [null, /Invalid story body/],
  ])('refuses %j with a message that says where', (input, message) => {
    const result = parseBody(input);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(message);
  });

  it('holds free-string attributes to the rules of other text: no control characters, known values only', () => {
    const linked = (attrs: Record<string, unknown>) => paragraph('link', [{ type: 'link', attrs: { href: 'https://example.com/', ...attrs } }]);
    const list = (type: unknown) => ({ type: 'doc', content: [{ type: 'orderedList', attrs: { start: 1, type }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] }] });
    expect(parseBody(linked({ rel: 'noopener noreferrer nofollow', title: 'The council’s report' })).ok).toBe(true);
    expect(parseBody(linked({ rel: 'noopener\u0000' })).ok).toBe(false);
    expect(parseBody(linked({ rel: '" onmouseover="x' })).ok).toBe(false);
    expect(parseBody(linked({ title: 'Line one\nline two' })).ok).toBe(false);
    expect(parseBody(linked({ title: 'x'.repeat(301) })).ok).toBe(false);
    for (const type of ['1', 'a', 'A', 'i', 'I', null]) expect(parseBody(list(type)).ok, String(type)).toBe(true);
    for (const type of ['x', '1\u0000', 'disc']) expect(parseBody(list(type)).ok, type).toBe(false);
  });

  it('refuses documents over the size limit and absurd nesting', () => {
    const big = parseBody(paragraph('x'.repeat(MAX_BODY_BYTES)));
    expect(big.ok || big.error).toMatch(/too large/);
    let node: unknown = { type: 'paragraph' };
    for (let i = 0; i < 40; i++) node = { type: 'blockquote', content: [node] };
    const deep = parseBody({ type: 'doc', content: [node] });
    expect(deep.ok || deep.error).toMatch(/nested too deeply/);
  });

  it.each(['https://example.com', 'http://example.com/x', 'mailto:desk@example.com', '/world/story'])('allows the link %s', (href) => {
    expect(parseBody(link(href)).ok).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' \u0001javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example.com',
    '/\\evil.example.com',
    'ftp://example.com',
  ])('refuses the link %j', (href) => {
    expect(parseBody(link(href)).ok).toBe(false);
  });
});

describe('the XSS corpus', () => {
  it('has the payloads the README describes', () => {
    // Our own payloads always; the shared corpus's 709 when it is beside the repository.
    expect(XSS_CORPUS).toHaveLength(OWN_PAYLOADS.length + (SHARED_CORPUS.length ? 709 : 0));
    expect(URL_PAYLOADS.length).toBeGreaterThanOrEqual(SHARED_CORPUS.length ? 80 : 8);
  });

  it('no URL payload survives as a link unless it is a plain web or mail link', () => {
    const survivors = URL_PAYLOADS.filter((e) => isSafeHref(e.payload));
    for (const entry of survivors) {
      const result = parseBody(link(entry.payload));
      expect(result.ok).toBe(true);
      const html = renderToStaticMarkup(<>{result.ok && renderBody(result.doc)}</>);
      const href = /href="([^"]*)"/.exec(html)?.[1] ?? '';
      expect(href, entry.id).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\]))/i);
      expect(href.toLowerCase(), entry.id).not.toMatch(/^(javascript|data|vbscript|vbs):/);
    }
  });

  it('every payload stored as text renders as inert text (or is refused if PostgreSQL could not store it)', () => {
    for (const entry of XSS_CORPUS) {
      const result = parseBody(paragraph(entry.payload));
      if (entry.payload.includes('\u0000')) {
        expect(result, entry.id).toEqual({ ok: false, error: expect.stringMatching(/NUL characters/) });
        continue;
      }
      expect(result.ok, entry.id).toBe(true);
      if (!result.ok) continue;
      const html = renderToStaticMarkup(<>{renderBody(result.doc)}</>);
      const inner = html.slice('<p>'.length, -'</p>'.length);
      expect(html.startsWith('<p>') && html.endsWith('</p>'), entry.id).toBe(true);
      expect(inner, entry.id).not.toMatch(/[<>]/);
    }
  });
});

describe('plain text', () => {
  it('turns each line into one paragraph, exactly', () => {
    const doc = docFromPlainText('“One,” he said.\n\n”Two.”\r\nThree');
    expect(doc.content).toHaveLength(3);
    expect(toPlainText(doc)).toBe('“One,” he said.\n\n”Two.”\n\nThree');
    expect(countWords(toPlainText(doc))).toBe(5);
  });

  it('puts the dateline inside the first paragraph', () => {
    const html = renderToStaticMarkup(<>{renderBody(docFromPlainText('First.\nSecond.'), { dateline: 'LIMA' })}</>);
    expect(html).toBe('<p><span class="dateline">LIMA — </span>First.</p><p>Second.</p>');
  });
});
