import { describe, expect, it } from 'vitest';
import { bodyToHtml } from '@/lib/editor/html';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { openSuggestions, withoutSuggestions } from '@/lib/editor/suggestion-text';

// Suggestion marks as stored with a body: valid, listed, and never in what readers get.

const mark = (type: 'insertion' | 'deletion', id: number) => ({ type, attrs: { id, author: 'Eden Park', at: '2026-12-03T10:00:00.000Z' } });
const doc = {
  type: 'doc',
  content: [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'The council ' },
        { type: 'text', text: 'narrowly ', marks: [mark('deletion', 1)] },
        { type: 'text', text: 'approved the ' },
        { type: 'text', text: 'revised ', marks: [mark('insertion', 2)] },
        { type: 'text', text: 'budget.' },
      ],
    },
    { type: 'paragraph', marks: [mark('insertion', 3)], content: [{ type: 'text', text: 'A whole new paragraph.', marks: [mark('insertion', 3)] }] },
  ],
};

describe('suggestions in a stored body', () => {
  it('validate as part of the body, text and block marks alike', () => {
    const parsed = parseBody(doc);
    expect(parsed.ok, parsed.ok ? '' : parsed.error).toBe(true);
  });

  it('refuse unknown attributes and odd ids', () => {
    const withExtra = structuredClone(doc) as Doc & { content: { content: { marks?: { attrs: Record<string, unknown> }[] }[] }[] };
    withExtra.content[0]!.content[1]!.marks![0]!.attrs.onclick = 'x';
    expect(parseBody(withExtra).ok).toBe(false);
    const badId = structuredClone(doc) as typeof withExtra;
    badId.content[0]!.content[1]!.marks![0]!.attrs.id = '<script>';
    expect(parseBody(badId).ok).toBe(false);
  });

  it('are listed with their text and author', () => {
    expect(openSuggestions(doc as Doc)).toEqual([
      { id: '1', kind: 'deletion', text: 'narrowly ', author: 'Eden Park' },
      { id: '2', kind: 'insertion', text: 'revised ', author: 'Eden Park' },
      { id: '3', kind: 'insertion', text: '¶A whole new paragraph.', author: 'Eden Park' },
    ]);
  });

  it('never reach readers: the body renders as if every suggestion were rejected', () => {
    expect(withoutSuggestions(doc as Doc)).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The council ' }, { type: 'text', text: 'narrowly ' }, { type: 'text', text: 'approved the ' }, { type: 'text', text: 'budget.' }] }] });
    const html = bodyToHtml(doc as Doc);
    expect(html).toBe('<p>The council narrowly approved the budget.</p>');
    expect(html).not.toMatch(/revised|new paragraph|<ins|<del/);
  });
});
