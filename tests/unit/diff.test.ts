import { describe, expect, it } from 'vitest';
import { diffParagraphs, diffText } from '@/lib/revisions/diff';

describe('review diffs', () => {
  it('mark word-level insertions and deletions', () => {
    expect(diffText('The vote was 7 to 2.', 'The vote was 6 to 3.')).toEqual([
      { kind: 'same', text: 'The vote was ' },
      { kind: 'removed', text: '7' },
      { kind: 'added', text: '6' },
      { kind: 'same', text: ' to ' },
      { kind: 'removed', text: '2' },
      { kind: 'added', text: '3' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('show only the paragraphs that changed, counting the rest', () => {
    const before = ['One.', 'Two.', 'Three.', 'Four.', 'Five.'];
    const after = ['One.', 'Two.', 'Three, revised.', 'Four.', 'Five.', 'Six.'];
    expect(diffParagraphs(before, after)).toEqual([
      { kind: 'unchanged', count: 2 },
      { kind: 'changed', parts: [{ kind: 'same', text: 'Three' }, { kind: 'added', text: ', revised' }, { kind: 'same', text: '.' }] },
      { kind: 'unchanged', count: 2 },
      { kind: 'added', text: 'Six.' },
    ]);
    expect(diffParagraphs(before, before)).toEqual([{ kind: 'unchanged', count: 5 }]);
    expect(diffParagraphs(before, ['One.', 'Five.'])).toEqual([
      { kind: 'unchanged', count: 1 },
      { kind: 'removed', text: 'Two.' },
      { kind: 'removed', text: 'Three.' },
      { kind: 'removed', text: 'Four.' },
      { kind: 'unchanged', count: 1 },
    ]);
  });
});
