'use client';

import type { Editor } from '@tiptap/core';

// Keys pressed in the moment an editor is replaced by another (a new story joining its shared
// document) reach neither: the old one is gone and the new one not yet drawn. They are held here
// and typed into the new editor once it is.

export type HeldKey = 'Enter' | 'Backspace' | { text: string };

/** Holds the body's keys from now until `release`; keys meant for a field or a button pass. */
export function holdKeys(): { keys: HeldKey[]; release: () => void } {
  const keys: HeldKey[] = [];
  const onKey = (event: KeyboardEvent) => {
    const target = event.target as HTMLElement | null;
    if (target?.closest('input, textarea, select, button, [role="dialog"]') || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    if (event.key === 'Enter' || event.key === 'Backspace') keys.push(event.key);
    else if (event.key.length === 1 || /^[\uD800-\uDBFF][\uDC00-\uDFFF]$/.test(event.key)) keys.push({ text: event.key });
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  document.addEventListener('keydown', onKey, true);
  return { keys, release: () => document.removeEventListener('keydown', onKey, true) };
}

/** Types held keys into `editor` at its selection. */
export function typeHeld(editor: Editor, keys: HeldKey[]): void {
  for (const key of keys) {
    if (key === 'Enter') editor.commands.splitBlock();
    else if (key === 'Backspace') {
      const { empty, $from, from } = editor.state.selection;
      if (!empty) editor.commands.deleteSelection();
      else if ($from.parentOffset > 0) editor.view.dispatch(editor.state.tr.delete(from - 1, from));
      else editor.commands.joinBackward();
    } else editor.view.dispatch(editor.state.tr.insertText(key.text));
  }
}
