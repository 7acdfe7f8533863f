'use client';

import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';
import { BODY_FIELD } from '@/lib/collab/body-field';

// Edits to a shared story that the server has not stored yet, kept on this device: typed while
// the connection was down, then the tab was closed or the browser crashed. The next time the
// person opens the story they merge into the shared document like any late edit. Kept per person
// (another person signing in on this browser never gets them) and per story.

type Kept = {
  /** The Yjs client ids this browser wrote with (one per page load). */
  clients: number[];
  /** The document as this browser had it: a Yjs update, base64. */
  update: string;
};

const key = (viewerId: string, storyId: string) => `masthead:shared:${viewerId}:${storyId}`;
const asideKey = (viewerId: string, storyId: string) => `${key(viewerId, storyId)}:aside`;


function read(name: string): Kept | null {
  try {
    const raw = window.localStorage.getItem(name);
    if (!raw) return null;
    const kept = JSON.parse(raw) as Kept;
    return Array.isArray(kept.clients) && typeof kept.update === 'string' ? kept : null;
  } catch {
    return null;
  }
}

export function readKept(viewerId: string, storyId: string): Kept | null {
  return read(key(viewerId, storyId));
}

export function writeKept(viewerId: string, storyId: string, ydoc: Y.Doc, clients: Iterable<number>): void {
  try {
    window.localStorage.setItem(key(viewerId, storyId), JSON.stringify({ clients: [...clients], update: toBase64(Y.encodeStateAsUpdate(ydoc)) } satisfies Kept));
  } catch {
    // Storage full or disabled: the page still holds the edits and sends them when it can.
  }
}

export function clearKept(viewerId: string, storyId: string): void {
  try {
    window.localStorage.removeItem(key(viewerId, storyId));
  } catch {
    // nothing kept
  }
}

/**
 * Merges what was kept into the document the server sent, when it can be merged: everything in
 * it that this browser did not write must already be in the server's document. Otherwise the
 * server's document was made anew since (restored from a backup): merging would add the story's
 * text a second time. Then the kept text is set aside, and its words are returned to be shown.
 */
export function mergeKept(viewerId: string, storyId: string, ydoc: Y.Doc, kept: Kept): { merged: boolean; text: string } {
  const update = fromBase64(kept.update);
  const ours = new Set(kept.clients);
  const server = Y.decodeStateVector(Y.encodeStateVector(ydoc));
  const theirs = [...Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))].filter(([client]) => !ours.has(client));
  if (theirs.every(([client, clock]) => (server.get(client) ?? 0) >= clock)) {
    Y.applyUpdate(ydoc, update, 'kept');
    return { merged: true, text: '' };
  }
  try {
    window.localStorage.setItem(asideKey(viewerId, storyId), JSON.stringify(kept));
  } catch {
    // shown once all the same
  }
  clearKept(viewerId, storyId);
  return { merged: false, text: textOf(update) };
}

/** What was set aside for this story and could not be merged (see mergeKept), as plain text. */
export function keptAside(viewerId: string, storyId: string): string | null {
  const kept = read(asideKey(viewerId, storyId));
  return kept ? textOf(fromBase64(kept.update)) : null;
}

export function discardAside(viewerId: string, storyId: string): void {
  try {
    window.localStorage.removeItem(asideKey(viewerId, storyId));
  } catch {
    // nothing kept
  }
}

/** The words of a kept document, a paragraph per line. */
function textOf(update: Uint8Array): string {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, update);
  const lines: string[] = [];
  const walk = (node: Y.XmlElement | Y.XmlFragment, into: string[]) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) into.push(child.toDelta().map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : '')).join(''));
      else if (child instanceof Y.XmlElement) {
        const inner: string[] = [];
        walk(child, inner);
        lines.push(inner.join(''));
      }
    }
  };
  walk(doc.getXmlFragment(BODY_FIELD), lines);
  doc.destroy();
  return lines.filter((l) => l.trim() !== '').join('\n');
}
