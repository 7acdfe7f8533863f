import type { Document } from '@hocuspocus/server';

// When a store of a shared document also writes the Story row. While people type, a store keeps
// the document alone; the row (body, word count, search vector, revision: work that grows with the
// story) is written once typing pauses for a store's debounce, and at least every ROW_MAX_WAIT_MS
// while it goes on (as the save loop saves a story typed alone), or at once when asked.

const ROW_MAX_WAIT_MS = 10_000;

// When someone last changed each open document, and since when its Story row lags behind it.
const lastTyped = new WeakMap<Document, number>();
const behindSince = new WeakMap<Document, number>();
// Documents whose next store writes the row whatever the typing.
const wanted = new WeakSet<Document>();

/** Someone changed the document (not the server applying an edit of its own). */
export function noteTyped(document: Document): void {
  lastTyped.set(document, Date.now());
}

/** The next store writes the row (a store asked for at once: a workflow step, a preview, a restore). */
export function wantRow(document: Document): void {
  wanted.add(document);
}

/** Whether a store starting now writes the row; `debounceMs` is the store's debounce. */
export function writesRow(document: Document, debounceMs: number): boolean {
  const now = Date.now();
  const asked = wanted.delete(document);
  // A debounced store runs a full debounce after the last change; one that runs sooner was set off
  // by the debounce's maximum wait, while typing goes on.
  const typing = now - (lastTyped.get(document) ?? 0) < debounceMs - 50;
  return asked || !typing || document.getConnectionsCount() === 0 || now - (behindSince.get(document) ?? now) >= ROW_MAX_WAIT_MS;
}

/** After a store: the row caught up, or is behind from now if it was not already. */
export function stored(document: Document, row: boolean): void {
  if (row) behindSince.delete(document);
  else if (!behindSince.has(document)) behindSince.set(document, Date.now());
}
