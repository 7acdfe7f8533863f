// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyExtensions } from '@/lib/editor/extensions';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { RemoteEdits } from '@/lib/editor/remote-edits';

// Edits that arrive from others ask to keep the caret in view: the ask is settled once per frame,
// with a scroll only when the caret has left the screen. Their addresses are not linked again here.
// This person's own edits, undo and redo keep their ask.

const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;

function editorWithFrames() {
  frames.clear();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (frames.set(nextFrame, callback), nextFrame++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  const editor = new Editor({ element: document.createElement('div'), extensions: [...storyExtensions(), RemoteEdits], content: docFromPlainText('Pilots walked out.\nShips wait offshore.') });
  vi.spyOn(editor.view, 'hasFocus').mockReturnValue(true);
  return editor;
}

/** Where the caret is drawn: `onScreen` inside the window, else below it. */
function caretAt(editor: Editor, onScreen: boolean) {
  const top = onScreen ? 100 : window.innerHeight + 40;
  vi.spyOn(editor.view, 'coordsAtPos').mockReturnValue({ top, bottom: top + 18, left: 10, right: 11 });
}

const scrolls = (editor: Editor) => (editor.state as unknown as { scrollToSelection: number }).scrollToSelection;
const arrive = (editor: Editor, sync: Record<string, boolean>, text: string, at = 2) =>
  editor.view.dispatch(editor.state.tr.insertText(text, at).setMeta('y-sync$', sync).scrollIntoView());
const runFrames = () => {
  const pending = [...frames.values()];
  frames.clear();
  for (const callback of pending) callback(0);
};
const links = (editor: Editor) => {
  const found: string[] = [];
  editor.state.doc.descendants((node) => void (node.marks.some((m) => m.type.name === 'link') && found.push(node.text ?? '')));
  return found;
};

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('edits from others', () => {
  it('settle any number of asks in one frame, and scroll only when the caret has left the screen', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    caretAt(editor, false);
    for (const letter of 'abc') arrive(editor, { isChangeOrigin: true }, letter);
    expect(editor.getText()).toContain('Pcbailots');
    expect(scrolls(editor)).toBe(before);
    expect(frames.size).toBe(1);
    runFrames();
    expect(scrolls(editor)).toBe(before + 1);
    expect(frames.size).toBe(0);

    // Still on screen: measured, and nothing dispatched.
    caretAt(editor, true);
    arrive(editor, { isChangeOrigin: true }, 'd');
    expect(frames.size).toBe(1);
    runFrames();
    expect(editor.view.coordsAtPos).toHaveBeenCalled();
    expect(scrolls(editor)).toBe(before + 1);
    editor.destroy();
  });

  it('leave the ask on this person’s own edits and on undo and redo', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    editor.view.dispatch(editor.state.tr.insertText('x', 2).scrollIntoView());
    expect(scrolls(editor)).toBe(before + 1);
    arrive(editor, { isChangeOrigin: true, isUndoRedoOperation: true }, 'y');
    expect(scrolls(editor)).toBe(before + 2);
    expect(frames.size).toBe(0);
    editor.destroy();
  });

  it('ask nothing once the page has lost the focus or the editor is gone', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    caretAt(editor, false);
    arrive(editor, { isChangeOrigin: true }, 'a');
    vi.mocked(editor.view.hasFocus).mockReturnValue(false);
    runFrames();
    expect(scrolls(editor)).toBe(before);
    arrive(editor, { isChangeOrigin: true }, 'b');
    expect(frames.size).toBe(1);
    editor.destroy();
    expect(frames.size).toBe(0);
  });

  it('are not linked again here, while an address typed here is', () => {
    const editor = editorWithFrames();
    const end = editor.state.doc.content.size - 1;
    arrive(editor, { isChangeOrigin: true }, ' see https://example.org/pilots ', end);
    expect(editor.getText()).toContain('https://example.org/pilots');
    expect(links(editor)).toEqual([]);
    editor.view.dispatch(editor.state.tr.insertText(' and https://example.net/ships ', 2));
    expect(links(editor)).toEqual(['https://example.net/ships']);
    editor.destroy();
  });
});
