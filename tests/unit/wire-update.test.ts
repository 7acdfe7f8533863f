import { describe, expect, it } from 'vitest';
import { docFromPlainText, toPlainText } from '@/lib/editor/plain-text';
import { applyBlockEdits, wirePatch } from '@/lib/wire/update-patch';

// "Apply wire update" carries the agency's changes between two versions into the story without
// undoing the desk's own edits; what it cannot place is reported, never forced.

const doc = (...paragraphs: string[]) => docFromPlainText(paragraphs.join('\n'));
const text = (d: ReturnType<typeof doc>) => toPlainText(d).split('\n\n');

describe('a wire update', () => {
  it('changes, adds and removes the agency’s paragraphs and keeps the desk’s edits elsewhere', () => {
    const v1 = doc('Forty ships wait.', 'The union met.', 'Talks resume Monday.');
    const v2 = doc('Fifty ships wait.', 'The union met.', 'The ministry called.', 'Talks resume Monday.');
    const story = doc('Forty ships wait.', 'The union met on Friday night.', 'Talks resume Monday.', 'Our own reporting.');
    const patch = wirePatch(v1, v2, story);
    expect(patch.conflicts).toEqual([]);
    // The new paragraph followed one the desk rewrote: it goes before the one it preceded.
    expect(text(applyBlockEdits(story, patch.edits))).toEqual(['Fifty ships wait.', 'The union met on Friday night.', 'The ministry called.', 'Talks resume Monday.', 'Our own reporting.']);
  });

  it('a paragraph the desk rewrote and the agency changed is reported, not overwritten', () => {
    const v1 = doc('Forty ships wait.', 'Talks resume Monday.');
    const v2 = doc('Forty ships wait.', 'Talks resume Tuesday.');
    const story = doc('Forty ships wait.', 'Talks, the union says, resume Monday.');
    const patch = wirePatch(v1, v2, story);
    expect(patch.edits).toEqual([]);
    expect(patch.conflicts).toEqual([{ before: 'Talks resume Monday.', after: 'Talks resume Tuesday.' }]);
  });

  it('on a story nobody edited, gives exactly the new version (random versions, 500 rounds)', () => {
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const words = ['port', 'strike', 'ships', 'union', 'ministry', 'talks', 'Monday', 'queue'];
    const paragraph = () => `${Array.from({ length: 1 + random(5) }, () => words[random(words.length)]).join(' ')} ${random(1000)}.`;
    for (let round = 0; round < 500; round++) {
      const before = Array.from({ length: random(8) }, paragraph);
      const after = [...before];
      for (let n = random(4); n > 0; n--) {
        const at = random(after.length + 1);
        const op = random(3);
        if (op === 0) after.splice(at, 0, paragraph());
        else if (op === 1 && after.length) after.splice(Math.min(at, after.length - 1), 1);
        else if (after.length) after[Math.min(at, after.length - 1)] = paragraph();
      }
      const v1 = doc(...before);
      const v2 = doc(...after);
      const patch = wirePatch(v1, v2, v1);
      expect(patch.conflicts).toEqual([]);
      expect(text(applyBlockEdits(v1, patch.edits))).toEqual(text(v2));
    }
  });

  it('keeps paragraphs the desk added anywhere, and applies changes around them', () => {
    const v1 = doc('A.', 'B.', 'C.');
    const v2 = doc('A2.', 'B.', 'C2.');
    const story = doc('Desk intro.', 'A.', 'B.', 'Desk middle.', 'C.');
    const patch = wirePatch(v1, v2, story);
    expect(patch.conflicts).toEqual([]);
    expect(text(applyBlockEdits(story, patch.edits))).toEqual(['Desk intro.', 'A2.', 'B.', 'Desk middle.', 'C2.']);
  });
});
