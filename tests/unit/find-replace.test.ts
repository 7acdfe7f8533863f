import { getSchema } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { storyExtensions } from '@/lib/editor/extensions';
import { findMatches } from '@/lib/editor/find-replace';

const schema = getSchema(storyExtensions());
const doc = (content: unknown[]) => schema.nodeFromJSON({ type: 'doc', content });
const p = (...inline: unknown[]) => ({ type: 'paragraph', content: inline });
const text = (t: string, marks?: unknown[]) => ({ type: 'text', text: t, ...(marks ? { marks } : {}) });

describe('find in the story body', () => {
  const story = doc([
    p(text('President Yoon Suk-yol met Ishiba. ')),
    p(text('Yoon Suk-'), text('yol', [{ type: 'bold' }]), text(' said the talks were useful.'), { type: 'hardBreak' }, text('yoon suk-yol again.')),
    { type: 'heading', attrs: { level: 2 }, content: [text('The party of art')] },
  ]);

  it('finds every match in document order, across marks and after a line break, ignoring case by default', () => {
    const matches = findMatches(story, { term: 'Suk-yol', matchCase: false, wholeWord: false });
    expect(matches).toHaveLength(3);
    expect(matches.map((m) => story.textBetween(m.from, m.to))).toEqual(['Suk-yol', 'Suk-yol', 'suk-yol']);
    expect(matches[0]!.from).toBeLessThan(matches[1]!.from);
  });

  it('matches case when asked', () => {
    expect(findMatches(story, { term: 'Suk-yol', matchCase: true, wholeWord: false })).toHaveLength(2);
  });

  it('whole words only when asked: "art" is not in "party"', () => {
    expect(findMatches(story, { term: 'art', matchCase: false, wholeWord: false })).toHaveLength(2);
    const whole = findMatches(story, { term: 'art', matchCase: false, wholeWord: true });
    expect(whole).toHaveLength(1);
    expect(story.textBetween(whole[0]!.from - 3, whole[0]!.to)).toBe('of art');
  });

  it('treats the query as text, never as a pattern', () => {
    expect(findMatches(doc([p(text('Costs rose (again) by 5.5%.'))]), { term: '(again)', matchCase: false, wholeWord: false })).toHaveLength(1);
    expect(findMatches(doc([p(text('a.c abc'))]), { term: 'a.c', matchCase: false, wholeWord: false })).toHaveLength(1);
    expect(findMatches(story, { term: '', matchCase: false, wholeWord: false })).toEqual([]);
  });
});
