import { describe, expect, it } from 'vitest';
import { sameBody, sameJson } from '@/lib/editor/canonical';

describe('one body, however its JSON is spelled', () => {
  const editor = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Talks', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org', target: null } }] }] }] };

  it('is the same with its keys in the order PostgreSQL gives them back, and its marks in another order', () => {
    const stored = { content: [{ content: [{ marks: [{ attrs: { target: null, href: 'https://example.org' }, type: 'link' }, { type: 'bold' }], text: 'Talks', type: 'text' }], type: 'paragraph' }], type: 'doc' };
    expect(sameBody(editor, stored)).toBe(true);
  });

  it('differs by a character, a mark, an attribute or a node', () => {
    const text = (value: string) => ({ ...editor, content: [{ ...editor.content[0]!, content: [{ ...editor.content[0]!.content[0]!, text: value }] }] });
    expect(sameBody(editor, text('Talk'))).toBe(false);
    expect(sameBody(editor, { ...editor, content: [{ ...editor.content[0]!, content: [{ type: 'text', text: 'Talks', marks: [{ type: 'bold' }] }] }] })).toBe(false);
    expect(sameBody(editor, { ...editor, content: [{ ...editor.content[0]!, content: [{ type: 'text', text: 'Talks', marks: [{ type: 'bold' }, { type: 'link', attrs: { href: 'https://example.org/other', target: null } }] }] }] })).toBe(false);
    expect(sameBody(editor, { ...editor, content: [...editor.content, { type: 'paragraph' }] })).toBe(false);
  });

  it('compares drafts the same way, nulls and arrays in place', () => {
    expect(sameJson({ headline: 'A', tags: ['x', 'y'], dek: null }, { dek: null, tags: ['x', 'y'], headline: 'A' })).toBe(true);
    expect(sameJson({ tags: ['x', 'y'] }, { tags: ['y', 'x'] })).toBe(false);
    expect(sameJson({ dek: null }, { dek: '' })).toBe(false);
  });
});
