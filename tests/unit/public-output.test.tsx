import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '@/lib/editor/html';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { renderBody } from '@/lib/editor/render';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { xmlDocument } from '@/lib/feeds/xml';
import { BadCursorError, decodeCursor, encodeCursor } from '@/lib/pagination';
import { scriptSafeJson } from '@/lib/seo/json-ld';
import { summitParagraphs } from '../support/summit';
import { XSS_CORPUS } from '../support/xss-corpus';

const react = (doc: Doc, dateline?: string) => renderToStaticMarkup(<>{renderBody(doc, { dateline })}</>);

const RICH = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Lead with “quotes” & <angles>' }] },
    { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: "Talks' end" }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'Bold', marks: [{ type: 'bold' }, { type: 'italic' }] }, { type: 'hardBreak' }, { type: 'text', text: 'x' }] },
    { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: '“Quoted.”' }] }] },
    { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }] }] },
    { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }] },
    { type: 'horizontalRule' },
    { type: 'paragraph', content: [{ type: 'text', text: 'site', marks: [{ type: 'link', attrs: { href: 'https://example.com/a?b=c&d="e"' } }] }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'local', marks: [{ type: 'link', attrs: { href: '/world' } }] }] },
    { type: 'image', attrs: { src: '/media/abcdef012345/960.webp', alt: 'A "quoted" alt', mediaId: 'm1', caption: 'Caption <b>', credit: 'Credit & co', width: 1200, height: 800 } },
  ],
};

describe('the HTML string renderer used by the API and feeds', () => {
  it('produces exactly the markup of the page renderer, for the summit story and for every node type', () => {
    const summit = docFromPlainText(summitParagraphs().join('\n'));
    expect(bodyToHtml(summit, { dateline: 'LIMA' })).toBe(react(summit, 'LIMA'));
    const rich = parseBody(RICH);
    expect(rich.ok).toBe(true);
    if (!rich.ok) return;
    expect(bodyToHtml(rich.doc)).toBe(react(rich.doc));
    expect(bodyToHtml(rich.doc, { dateline: 'SEOUL' })).toBe(react(rich.doc, 'SEOUL'));
  });

  it('makes media URLs absolute for readers elsewhere', () => {
    const rich = parseBody(RICH);
    if (!rich.ok) throw new Error(rich.error);
    expect(bodyToHtml(rich.doc, { base: 'https://news.example.com' })).toContain('src="https://news.example.com/media/abcdef012345/960.webp"');
  });

  it('keeps every XSS payload inert as text in bodies, JSON-LD and XML', () => {
    for (const entry of XSS_CORPUS) {
      if (entry.payload.includes('\u0000')) continue; // refused by the validator (editor-body test)
      const result = parseBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: entry.payload }] }] });
      expect(result.ok, entry.id).toBe(true);
      if (!result.ok) continue;
      const html = bodyToHtml(result.doc);
      expect(html.slice(3, -4), entry.id).not.toMatch(/[<>]/);
      const json = scriptSafeJson({ headline: entry.payload });
      expect(json, entry.id).not.toMatch(/[<>&]/);
      expect(JSON.parse(json).headline, entry.id).toBe(entry.payload);
      const element = xmlDocument({ t: entry.payload }).split('\n').slice(1).join('\n').trim();
      expect(element.replace(/^<t>|<\/t>$|^<t\/>$/g, ''), entry.id).not.toMatch(/[<>"]/);
    }
  });
});

describe('JSON-LD escaping', () => {
  it('a headline containing </script> cannot end the script element, and parses back unchanged', () => {
    const headline = 'Minister says </script><script>window.__xss("ld")</script> & more \u2028';
    const json = scriptSafeJson({ headline });
    expect(json).not.toContain('</script');
    expect(json).not.toContain('\u2028');
    expect(JSON.parse(json)).toEqual({ headline });
  });
});

describe('cursors', () => {
  it('round-trip', () => {
    const cursor = { at: '2024-11-16T22:30:00.000Z', id: 'abc123', rank: 0.0607927 };
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each(['garbage!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('{"at":"never","id":"x"}').toString('base64url'), Buffer.from('{"at":"2024-01-01","id":"x","rank":"high"}').toString('base64url'), Buffer.from(JSON.stringify({ at: '2024-01-01', id: 'x'.repeat(65) })).toString('base64url')])(
    'refuses %s',
    (raw) => {
      expect(() => decodeCursor(raw)).toThrow(BadCursorError);
    },
  );
});

describe('the public body', () => {
  it('leaves the data layer with no comment anchor and no open suggestion, in lists and quotes too', async () => {
    const { publicBody } = await import('@/lib/editor/public-body');
    const comment = { type: 'comment', attrs: { commentId: 'c1a2b3c4d5e6' } };
    const suggestion = (type: string) => ({ type, attrs: { id: 'sg1', author: 'Eden Park', at: '2026-12-04T10:00:00Z' } });
    const raw = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'The minister ' }, { type: 'text', text: 'denied', marks: [comment, { type: 'bold' }] }, { type: 'text', text: ' it', marks: [suggestion('insertion')] }, { type: 'text', text: ' the claim.', marks: [suggestion('deletion')] }] },
        { type: 'blockquote', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Quoted', marks: [comment] }] }] },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Item', marks: [comment] }] }] }] },
      ],
    };
    const parsed = parseBody(raw);
    if (!parsed.ok) throw new Error(parsed.error);
    const out = JSON.stringify(publicBody(parsed.doc));
    expect(out).not.toContain('comment');
    expect(out).not.toContain('c1a2b3c4d5e6');
    expect(out).not.toMatch(/insertion|deletion|Eden Park/);
    expect(out).not.toContain(' it"');
    expect(out).toContain('the claim.');
    expect(out).toContain('"type":"bold"');
    expect(out).toContain('Quoted');
    expect(out).toContain('Item');
  });
});
