// Where a transaction of an editor bound to the shared document came from, as y-tiptap marks it
// (its sync plugin's meta): an edit arriving from someone else, or an undo or redo, which y-tiptap
// also applies from the shared document.

type SyncMeta = { isChangeOrigin?: boolean; isUndoRedoOperation?: boolean };
type Meta = { getMeta: (key: string) => unknown };

const syncMeta = (transaction: Meta) => (transaction.getMeta('y-sync$') ?? {}) as SyncMeta;

/** An edit arriving through the shared document, or an undo or redo there: not typed here just now. */
export function fromElsewhere(transaction: Meta): boolean {
  const sync = syncMeta(transaction);
  return !!sync.isChangeOrigin || !!sync.isUndoRedoOperation;
}

/** Someone else's edit arriving through the shared document (not this person's undo or redo). */
export function fromSomeoneElse(transaction: Meta): boolean {
  const sync = syncMeta(transaction);
  return !!sync.isChangeOrigin && !sync.isUndoRedoOperation;
}
