'use client';

import type { Editor } from '@tiptap/core';

// Keys pressed and text pasted in the moment an editor is replaced by another (a new story joining
// its shared document) reach neither: the old one is gone and the new one not yet drawn (and takes
// no paste until it is editable). They are held here and typed into the new editor once it is.

export type HeldKey = 'Enter' | 'Backspace' | { text: string } | { paste: { text: string; html: string } };

/**
 * Holds what is typed or pasted into the body from now until `release`: keys only when the body
 * had the focus (`keys`), pastes always (and a paste onto the page when the body had the focus).
 * Keys and pastes meant for a field or a button pass.
 */
export function holdKeys(options: { keys: boolean }): { keys: HeldKey[]; release: () => void } {
  const keys: HeldKey[] = [];
  const onPaste = (event: ClipboardEvent) => {
    const target = event.target as HTMLElement | null;
    // Removing the old editor takes the focus away from the body: a paste made then lands on the
    // page itself, and is the body's when the body had the focus.
    const nowhere = !target || target === document.body || target === document.documentElement;
    if (!(target?.closest?.('.story-body') || (options.keys && nowhere)) || !event.clipboardData) return;
    keys.push({ paste: { text: event.clipboardData.getData('text/plain'), html: event.clipboardData.getData('text/html') } });
    event.preventDefault();
    event.stopPropagation();
  };
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, button, [role="dialog"]') || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key === 'Enter' || event.key === 'Backspace') keys.push(event.key);
    else if (event.key.length === 1 || /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(event.key)) keys.push({ text: event.key });
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  if (options.keys) document.addEventListener('keydown', onKey, true);
  document.addEventListener('paste', onPaste, true);
  return {
    keys,
    release: () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('paste', onPaste, true);
    },
  };
}

/** Types held keys (and pastes) into `editor` at its selection. */
export function typeHeld(editor: Editor, keys: HeldKey[]): void {
  for (const key of keys) {
    if (key === 'Enter') editor.commands.splitBlock();
    else if (key === 'Backspace') {
      const { empty, $from, from } = editor.state.selection;
      if (!empty) editor.commands.deleteSelection();
      else if ($from.parentOffset > 0) editor.view.dispatch(editor.state.tr.delete(from - 1, from));
      else editor.commands.joinBackward();
    } else if ('paste' in key) {
      // Through the editor's own paste handling: the same cleaning and embeds as a paste into it.
      if (key.paste.html) editor.view.pasteHTML(key.paste.html);
      else editor.view.pasteText(key.paste.text);
    } else editor.view.dispatch(editor.state.tr.insertText(key.text));
  }
}
