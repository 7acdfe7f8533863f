import { Extension } from '@tiptap/core';
import { fromSomeoneElse } from './sync-origin';

// Written together, each edit that arrives from someone else comes as a transaction that asks to
// keep this person's caret in view (y-tiptap asks whenever the caret was on screen). Honouring the
// ask measures the caret's place on the page, which forces the browser to lay the page out again
// there and then: once per arriving edit, a tenth of the page's time with twenty people typing
// (`npm run bench -- --only=together`). The ask is taken off those transactions and made once per
// frame instead, when the page is laid out for painting anyway. Undo and redo keep theirs: they
// are this person's own.

/** prosemirror-state's flag on a transaction that asks to scroll the selection into view. */
const UPDATED_SCROLL = 4;

export const RemoteEditScroll = Extension.create<Record<string, never>, { frame: number | null }>({
  name: 'remoteEditScroll',
  addStorage: () => ({ frame: null }),
  dispatchTransaction({ transaction, next }) {
    if (fromSomeoneElse(transaction) && transaction.scrolledIntoView) {
      (transaction as unknown as { updated: number }).updated &= ~UPDATED_SCROLL;
      const storage = this.storage;
      storage.frame ??= requestAnimationFrame(() => {
        storage.frame = null;
        const editor = this.editor;
        if (!editor.isDestroyed && editor.view.hasFocus()) editor.view.dispatch(editor.state.tr.scrollIntoView().setMeta('addToHistory', false));
      });
    }
    next(transaction);
  },
  onDestroy() {
    if (this.storage.frame !== null) cancelAnimationFrame(this.storage.frame);
  },
});
