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
    const held = holdKeys({ keys: true });
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
    const held = holdKeys({ keys: true });
    const input = document.body.appendChild(document.createElement('textarea'));
    expect(press(input, 'a')).toBe(false);
    expect(press(document.body, 's', { ctrlKey: true })).toBe(false);
    expect(press(document.body, 'ArrowLeft')).toBe(false);
    expect(held.keys).toEqual([]);
    held.release();
    input.remove();
  });

  it('hold a paste into the body, typed or not, and paste it into the new editor through its own paste handling', () => {
    // jsdom has no ClipboardEvent: a paste event carrying clipboard data, as a browser's does.
    const paste = (target: EventTarget, text: string, html = '') => {
      const event = Object.assign(new Event('paste', { bubbles: true, cancelable: true }), { clipboardData: { getData: (type: string) => (type === 'text/html' ? html : text) } });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const body = document.body.appendChild(document.createElement('div'));
    body.className = 'story-body';
    const field = document.body.appendChild(document.createElement('input'));
    const held = holdKeys({ keys: false });
    expect(press(body, 'a')).toBe(false); // the body had no focus: keys are not held
    expect(paste(field, 'a headline')).toBe(false); // a paste into a field is the field's
    expect(paste(body, ' Ships wait offshore.')).toBe(true);
    expect(paste(body, '', '<p><strong>Talks</strong> resume at noon.</p>')).toBe(true);
    held.release();
    expect(paste(body, 'after')).toBe(false);
    // The body had no focus: a paste onto the page is nobody's.
    expect(paste(document.body, 'nowhere')).toBe(false);
    body.remove();
    field.remove();

    const globals = globalThis as unknown as { ClipboardEvent?: unknown };
    const had = globals.ClipboardEvent;
    globals.ClipboardEvent ??= class extends Event {};
    const editor = new Editor({ element: document.createElement('div'), extensions: storyExtensions(), content: docFromPlainText('Pilots walked out.') });
    editor.commands.setTextSelection(editor.state.doc.content.size - 1);
    typeHeld(editor, held.keys);
    // One pasted paragraph joins the one at the caret, as a paste into the editor does.
    expect(editor.getText({ blockSeparator: '\n' })).toBe('Pilots walked out. Ships wait offshore.Talks resume at noon.');
    expect(editor.getHTML()).toContain('<strong>Talks</strong>');
    editor.destroy();
    globals.ClipboardEvent = had;
  });

  it('hold a paste onto the page when the body had the focus (the old editor, removed, took it away)', () => {
    const paste = (target: EventTarget, text: string) => {
      const event = Object.assign(new Event('paste', { bubbles: true, cancelable: true }), { clipboardData: { getData: (type: string) => (type === 'text/html' ? '' : text) } });
      target.dispatchEvent(event);
      return event.defaultPrevented;
    };
    const field = document.body.appendChild(document.createElement('input'));
    const held = holdKeys({ keys: true });
    expect(paste(field, 'a dek')).toBe(false);
    expect(paste(document.body, ' Ships wait offshore.')).toBe(true);
    held.release();
    field.remove();
    expect(held.keys).toEqual([{ paste: { text: ' Ships wait offshore.', html: '' } }]);
  });
});
