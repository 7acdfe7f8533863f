import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { keptAside, mergeKept, readKept, writeKept } from '@/components/editor/shared-local-copy';
import { BODY_FIELD } from '@/lib/collab/body-field';

// Edits kept on the device merge into the server's document only when they can without
// repeating the story: everything in them not written by this browser must be in the server's.

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
}

beforeEach(() => vi.stubGlobal('window', { localStorage: memoryStorage() }));
afterEach(() => vi.unstubAllGlobals());

/** A document with one paragraph per text, written by a client of its own (as the server seeds it). */
function seeded(...texts: string[]): Y.Doc {
  const doc = new Y.Doc();
  doc.getXmlFragment(BODY_FIELD).insert(0, texts.map((t) => {
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText(t)]);
    return p;
  }));
  return doc;
}
const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};
const textOf = (doc: Y.Doc) => doc.getXmlFragment(BODY_FIELD).toArray().map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText).toString());
const typeAtEnd = (doc: Y.Doc, paragraph: number, text: string) => {
  const t = (doc.getXmlFragment(BODY_FIELD).get(paragraph) as Y.XmlElement).get(0) as Y.XmlText;
  t.insert(t.length, text);
};

describe('edits kept on the device', () => {
  it('merge with what others wrote meanwhile, each once', () => {
    const server = seeded('The port reopened.', 'Dockworkers returned.');
    const browser = copyOf(server);
    typeAtEnd(browser, 1, ' Typed offline.');
    writeKept('p1', 's1', browser, [browser.clientID]);
    // Someone else wrote while this browser was away.
    const other = copyOf(server);
    typeAtEnd(other, 0, ' Editor was here.');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(other));

    const next = copyOf(server); // the next visit: the server's document, then what was kept
    expect(mergeKept('p1', 's1', next, readKept('p1', 's1')!)).toEqual({ merged: true, text: '' });
    expect(textOf(next)).toEqual(['The port reopened. Editor was here.', 'Dockworkers returned. Typed offline.']);
    // Merging the same again changes nothing.
    mergeKept('p1', 's1', next, readKept('p1', 's1')!);
    expect(textOf(next)).toEqual(['The port reopened. Editor was here.', 'Dockworkers returned. Typed offline.']);
  });

  it('are set aside, not merged, when the server’s document was made anew (the text would repeat)', () => {
    const browser = copyOf(seeded('The port reopened.'));
    typeAtEnd(browser, 0, ' Typed offline.');
    writeKept('p1', 's1', browser, [browser.clientID]);
    const restored = seeded('The port reopened.'); // same words, a different history

    const result = mergeKept('p1', 's1', restored, readKept('p1', 's1')!);
    expect(result).toEqual({ merged: false, text: 'The port reopened. Typed offline.' });
    expect(textOf(restored)).toEqual(['The port reopened.']);
    expect(readKept('p1', 's1')).toBeNull();
    expect(keptAside('p1', 's1')).toBe('The port reopened. Typed offline.');
    // Kept per person: another person signed in on this browser gets nothing.
    expect(readKept('p2', 's1')).toBeNull();
    expect(keptAside('p2', 's1')).toBeNull();
  });
});
