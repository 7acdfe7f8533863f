import { Extension } from '@tiptap/core';
import { fromSomeoneElse } from './sync-origin';

// What an edit arriving from someone else does in this editor, written together.
//
// Scrolling. y-tiptap asks to keep this person's caret in view with every edit from elsewhere
// (when the caret was on screen). The ask is taken off those transactions and settled once per
// frame: most frames the caret is still on screen, which one measurement tells, and only when an
// edit above it pushed it off is a transaction dispatched to scroll. A transaction per frame for
// the ask alone (every plugin, the shared document's own pass over the story) cost more than the
// edits it followed among twenty people typing (`npm run bench -- --only=together`). Undo and redo
// keep their ask: they are this person's own.
//
// Links. Tiptap turns an address into a link as it is typed. An edit from elsewhere arrives with
// the links its author's editor already made: making them again here would be an edit this person
// never made, sent back to everyone.

/** prosemirror-state's flag on a transaction that asks to scroll the selection into view. */
const UPDATED_SCROLL = 4;

export const RemoteEdits = Extension.create<Record<string, never>, { frame: number | null }>({
  name: 'remoteEdits',
  addStorage: () => ({ frame: null }),
  dispatchTransaction({ transaction, next }) {
    if (!fromSomeoneElse(transaction)) return next(transaction);
    transaction.setMeta('preventAutolink', true);
    if (transaction.scrolledIntoView) {
      (transaction as unknown as { updated: number }).updated &= ~UPDATED_SCROLL;
      const storage = this.storage;
      storage.frame ??= requestAnimationFrame(() => {
        storage.frame = null;
        const editor = this.editor;
        if (editor.isDestroyed || !editor.view.hasFocus()) return;
        const caret = editor.view.coordsAtPos(editor.state.selection.head);
        if (caret.top >= 0 && caret.bottom <= window.innerHeight) return;
        editor.view.dispatch(editor.state.tr.scrollIntoView().setMeta('addToHistory', false));
      });
    }
    next(transaction);
  },
  onDestroy() {
    if (this.storage.frame !== null) cancelAnimationFrame(this.storage.frame);
  },
});
