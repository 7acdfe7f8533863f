// @vitest-environment jsdom
import { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { storyExtensions } from '@/lib/editor/extensions';
import { docFromPlainText } from '@/lib/editor/plain-text';
import { RemoteEditScroll } from '@/lib/editor/remote-edit-scroll';

// Edits that arrive from others ask to keep the caret in view; measuring it once per edit forced a
// layout each time. They are asked once per frame instead; this person's own edits, undo and redo
// keep their ask.

const frames = new Map<number, FrameRequestCallback>();
let nextFrame = 1;

function editorWithFrames() {
  frames.clear();
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => (frames.set(nextFrame, callback), nextFrame++));
  vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.delete(id));
  const editor = new Editor({ element: document.createElement('div'), extensions: [...storyExtensions(), RemoteEditScroll], content: docFromPlainText('Pilots walked out.\nShips wait offshore.') });
  vi.spyOn(editor.view, 'hasFocus').mockReturnValue(true);
  return editor;
}

const scrolls = (editor: Editor) => (editor.state as unknown as { scrollToSelection: number }).scrollToSelection;
const arrive = (editor: Editor, sync: Record<string, boolean>, text: string) =>
  editor.view.dispatch(editor.state.tr.insertText(text, 2).setMeta('y-sync$', sync).scrollIntoView());
const runFrames = () => {
  const pending = [...frames.values()];
  frames.clear();
  for (const callback of pending) callback(0);
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('scrolling for edits from others', () => {
  it('asks once per frame for any number of edits that arrive, and applies every edit at once', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    for (const letter of 'abc') arrive(editor, { isChangeOrigin: true }, letter);
    expect(editor.getText()).toContain('Pcbailots');
    expect(scrolls(editor)).toBe(before);
    expect(frames.size).toBe(1);
    runFrames();
    expect(scrolls(editor)).toBe(before + 1);
    expect(frames.size).toBe(0);
    // The next edit from elsewhere asks in the next frame.
    arrive(editor, { isChangeOrigin: true }, 'd');
    expect(frames.size).toBe(1);
    editor.destroy();
  });

  it('leaves the ask on this person’s own edits and on undo and redo', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    editor.view.dispatch(editor.state.tr.insertText('x', 2).scrollIntoView());
    expect(scrolls(editor)).toBe(before + 1);
    arrive(editor, { isChangeOrigin: true, isUndoRedoOperation: true }, 'y');
    expect(scrolls(editor)).toBe(before + 2);
    expect(frames.size).toBe(0);
    editor.destroy();
  });

  it('asks nothing once the page has lost the focus or the editor is gone', () => {
    const editor = editorWithFrames();
    const before = scrolls(editor);
    arrive(editor, { isChangeOrigin: true }, 'a');
    vi.mocked(editor.view.hasFocus).mockReturnValue(false);
    runFrames();
    expect(scrolls(editor)).toBe(before);
    arrive(editor, { isChangeOrigin: true }, 'b');
    expect(frames.size).toBe(1);
    editor.destroy();
    expect(frames.size).toBe(0);
  });
});
