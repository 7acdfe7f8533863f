// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { describe, expect, it } from 'vitest';
import { holdKeys, typeHeld } from '@/components/editor/held-keys';
import { storyExtensions } from '@/lib/editor/extensions';
import { docFromPlainText } from '@/lib/editor/plain-text';

// A new story's editor is replaced by the shared one when it joins its document; keys pressed in
// that moment are held and typed into the new editor, never dropped.

const press = (target: EventTarget, key: string, init: KeyboardEventInit = {}) => {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event.defaultPrevented;
};

describe('keys held while the editor is replaced', () => {
  it('are held from the page (focus is nowhere) and typed into the new editor at its caret', () => {
    const held = holdKeys();
    for (const key of ' and ships queue') expect(press(document.body, key)).toBe(true);
    expect(press(document.body, 'Backspace')).toBe(true);
    expect(press(document.body, 'Enter')).toBe(true);
    for (const key of 'New😀') expect(press(document.body, key)).toBe(true);
    held.release();
    // Released: keys pass again.
    expect(press(document.body, 'x')).toBe(false);

    const editor = new Editor({ element: document.createElement('div'), extensions: storyExtensions(), content: docFromPlainText('Pilots walked out') });
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    typeHeld(editor, held.keys);
    expect(editor.getText({ blockSeparator: '\n' })).toBe('Pilots walked out and ships queu\nNew😀');
    editor.destroy();
  });

  it('let keys meant for a field, a button or a shortcut pass', () => {
    const held = holdKeys();
    const input = document.body.appendChild(document.createElement('textarea'));
    expect(press(input, 'a')).toBe(false);
    expect(press(document.body, 's', { ctrlKey: true })).toBe(false);
    expect(press(document.body, 'ArrowLeft')).toBe(false);
    expect(held.keys).toEqual([]);
    held.release();
    input.remove();
  });
});
