import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { heldNow, storedNote, UnstoredDeletions, type StoredNote } from '@/lib/collab/stored-note';

// A browser's save status turns "Saved" when a store told of by the server holds every edit the
// browser made: text it added and text it removed, its own or someone else's.

/** A browser's document and the server's, in step, with what the browser did tracked. */
function pair(text: string) {
  const server = new Y.Doc();
  server.getText('t').insert(0, text);
  const browser = new Y.Doc();
  Y.applyUpdate(browser, Y.encodeStateAsUpdate(server));
  const unstored = new UnstoredDeletions();
  browser.on('update', (update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
    if (origin !== 'server') unstored.note(transaction);
  });
  const send = () => Y.applyUpdate(server, Y.encodeStateAsUpdate(browser, Y.encodeStateVector(server)));
  const told = () => (JSON.parse(storedNote(heldNow(server), new Date())) as StoredNote).snapshot;
  const heldBy = (snapshot: string) => unstored.heldBy(browser, snapshot, [browser.clientID]);
  return { server, browser, send, told, heldBy };
}

describe('what a store held, as a browser reads it', () => {
  it('a store from before a deletion does not hold it; one after does', () => {
    const { browser, send, told, heldBy } = pair('The council narrowly approved the budget.');
    const before = told();
    browser.getText('t').delete(12, 'narrowly '.length);
    expect(heldBy(before)).toBe(false);
    send();
    expect(heldBy(told())).toBe(true);
    // Once known held, an earlier note does not unsettle it.
    expect(heldBy(before)).toBe(true);
  });

  it('removing text someone else wrote counts the same', () => {
    const { server, browser, send, told, heldBy } = pair('The council approved the budget.');
    server.getText('t').insert(31, ' on Tuesday');
    Y.applyUpdate(browser, Y.encodeStateAsUpdate(server, Y.encodeStateVector(browser)), 'server');
    const before = told();
    browser.getText('t').delete(31, ' on Tuesday'.length);
    expect(heldBy(before)).toBe(false);
    send();
    expect(heldBy(told())).toBe(true);
  });

  it('text added shows in the state vector', () => {
    const { browser, send, told, heldBy } = pair('Start.');
    const before = told();
    browser.getText('t').insert(6, ' More.');
    expect(heldBy(before)).toBe(false);
    send();
    expect(heldBy(told())).toBe(true);
  });

  it('a deletion half held is not held', () => {
    const { server, browser, told, heldBy } = pair('one two three four');
    browser.getText('t').delete(0, 4); // "one "
    Y.applyUpdate(server, Y.encodeStateAsUpdate(browser));
    const first = told();
    browser.getText('t').delete(0, 4); // "two "
    expect(heldBy(first)).toBe(false);
    expect(server.getText('t').toString()).toBe('two three four');
  });
});
