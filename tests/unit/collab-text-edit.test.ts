import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { changedSpan, mapIndex, setText } from '@/lib/collab/text-edit';

// Text fields written together: an <input>'s new value becomes the smallest Yjs edit, and a caret
// stays where it was when someone else's edit arrives.

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}

function pair(initial: string) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.getText('headline').insert(0, initial);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  return { a, b, sync: () => { Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b))); Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a))); } };
}

describe('a text field written together', () => {
  it('finds the changed span between two values', () => {
    expect(changedSpan('Summit in Lima', 'Summit ends in Lima')).toEqual({ start: 7, removed: 0, inserted: 'ends ' });
    expect(changedSpan('Summit in Lima', 'Summit Lima')).toEqual({ start: 7, removed: 3, inserted: '' });
    expect(changedSpan('abc', 'abc')).toEqual({ start: 0 + 3, removed: 0, inserted: '' });
    expect(changedSpan('', 'new')).toEqual({ start: 0, removed: 0, inserted: 'new' });
  });

  it('never splits a surrogate pair (an emoji stays whole)', () => {
    // 😀 and 😁 share their high surrogate: the change is the whole character.
    expect(changedSpan('a😀b', 'a😁b')).toEqual({ start: 1, removed: 2, inserted: '😁' });
    const { a } = pair('a😀b');
    setText(a.getText('headline'), 'a😁b');
    expect(a.getText('headline').toString()).toBe('a😁b');
  });

  it('keeps both people’s typing when they edit one headline at once', () => {
    const { a, b, sync } = pair('Summit in Lima');
    setText(a.getText('headline'), 'Summit opens in Lima');
    setText(b.getText('headline'), 'Summit in Lima, Peru');
    sync();
    expect(a.getText('headline').toString()).toBe('Summit opens in Lima, Peru');
    expect(b.getText('headline').toString()).toBe('Summit opens in Lima, Peru');
  });

  it('converges under random concurrent edits from three people (seeded)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const random = seeded(seed);
      const docs = [new Y.Doc(), new Y.Doc(), new Y.Doc()];
      for (let round = 0; round < 8; round++) {
        for (const doc of docs) {
          const text = doc.getText('headline');
          const value = text.toString();
          const at = Math.floor(random() * (value.length + 1));
          const cut = Math.floor(random() * Math.min(3, value.length - at + 1));
          const typed = 'xyz😀'.slice(0, Math.floor(random() * 4));
          setText(text, value.slice(0, at) + typed + value.slice(at + cut));
        }
        if (random() < 0.6) {
          for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
        }
      }
      for (const from of docs) for (const to of docs) if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      const values = docs.map((doc) => doc.getText('headline').toString());
      expect(new Set(values).size, `seed ${seed}`).toBe(1);
      expect(values[0], `seed ${seed}: no broken surrogate`).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    }
  });

  it('keeps a caret in place when someone else types before it, after it, or deletes around it', () => {
    const caretAfter = (initial: string, edit: (text: Y.Text) => void, caret: number) => {
      const doc = new Y.Doc();
      const text = doc.getText('headline');
      text.insert(0, initial);
      let mapped = -1;
      text.observe((event) => (mapped = mapIndex(event.delta, caret)));
      edit(text);
      return { mapped, value: text.toString() };
    };
    // Caret after "Summit" (6).
    expect(caretAfter('Summit in Lima', (t) => t.insert(0, 'The '), 6)).toEqual({ mapped: 10, value: 'The Summit in Lima' });
    expect(caretAfter('Summit in Lima', (t) => t.insert(9, ' sunny'), 6)).toEqual({ mapped: 6, value: 'Summit in sunny Lima' });
    expect(caretAfter('Summit in Lima', (t) => t.delete(0, 3), 6)).toEqual({ mapped: 3, value: 'mit in Lima' });
    expect(caretAfter('Summit in Lima', (t) => t.delete(4, 4), 6)).toEqual({ mapped: 4, value: 'Summn Lima' });
    // Typed exactly at the caret: it goes after the caret.
    expect(caretAfter('Summit in Lima', (t) => t.insert(6, '!'), 6)).toEqual({ mapped: 6, value: 'Summit! in Lima' });
  });
});
