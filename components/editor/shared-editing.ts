import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { RemoteEdits } from '@/lib/editor/remote-edits';
import type { SaveState } from './types';
import type { SharedDoc, SharedState } from './use-shared-doc';

// Small pieces of the story editor written together: the body's extensions, carets' colours,
// suggestion ids, the save status, and waiting until the server has every edit.

/** The body bound to the shared document, with everyone's carets; `drawn` once it is on the page. */
export function sharedBodyExtensions(shared: SharedDoc, user: { name: string; color: string }, drawn: () => void) {
  return [Collaboration.configure({ document: shared.ydoc, field: BODY_FIELD, onFirstRender: drawn }), CollaborationCaret.configure({ provider: shared.provider, user }), RemoteEdits];
}

// People's carets and selections: a colour each, the same for a person wherever they appear.
const CARET_COLOURS = ['#b3261e', '#1b6e3a', '#1a56a8', '#8a4b00', '#6b2fa0', '#00707a', '#a0245c', '#4d5b00'];

export function colourFor(viewerId: string): string {
  let hash = 0;
  for (const char of viewerId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return CARET_COLOURS[hash % CARET_COLOURS.length]!;
}

/** Suggestion ids no other editor of the shared document can make: its Yjs client id and a count. */
export function suggestionIds(ydoc: { clientID: number }): () => string {
  let count = 0;
  return () => `s${ydoc.clientID.toString(36)}-${(count++).toString(36)}`;
}

/** The save status written together: the save loop's (metadata) when it has something to say, else the document's. */
export function combinedState(loop: SaveState, shared: Extract<SharedState, { kind: 'ready' }>): SaveState {
  if (loop.kind === 'dirty' || loop.kind === 'saving' || loop.kind === 'error' || loop.kind === 'conflict' || loop.kind === 'offline') return loop;
  if (!shared.stored) return shared.connected ? { kind: 'saving' } : { kind: 'offline' };
  if (shared.storedAt && (loop.kind !== 'saved' || loop.at < shared.storedAt)) return { kind: 'saved', at: shared.storedAt };
  return loop;
}

/** Waits (up to 10 s) until the server has every edit made here; false if it has not. */
export async function untilSent(shared: SharedDoc): Promise<boolean> {
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (!shared.provider.hasUnsyncedChanges && shared.provider.isSynced) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
