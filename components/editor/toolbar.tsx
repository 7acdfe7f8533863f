'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { Bold, Clapperboard, Heading2, Heading3, Image as ImageIcon, Italic, Keyboard, Link, List, ListOrdered, Minus, Search, TextQuote, type LucideIcon } from 'lucide-react';
import { useEffect, useRef, useState } from 'react';
import { FindReplacePanel } from './find-replace-panel';
import { LinkForm } from './link-form';

type Props = { editor: Editor; onInsertImage: () => void; onEmbed?: () => void };

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Toolbar({ editor, onInsertImage, onEmbed }: Props) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      link: e.isActive('link'),
      h2: e.isActive('heading', { level: 2 }),
      h3: e.isActive('heading', { level: 3 }),
      quote: e.isActive('blockquote'),
      bullets: e.isActive('bulletList'),
      numbers: e.isActive('orderedList'),
    }),
  });
  const mod = isMac() ? '⌘' : 'Ctrl+';
  const [linking, setLinking] = useState(false);
  const [finding, setFinding] = useState(false);
  const [showingKeys, setShowingKeys] = useState(false);
  // Find and replace: Ctrl/⌘+H anywhere on the page, and Ctrl/⌘+F while typing in the body.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'h' || (key === 'f' && editor.view.dom.contains(document.activeElement)))) {
        e.preventDefault();
        setFinding(true);
      }
      if ((e.ctrlKey || e.metaKey) && key === '/') {
        e.preventDefault();
        setShowingKeys(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
  // Ctrl/⌘+K, as in every word processor, opens the link form.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      // The listener is on the editor's own element, so the key press comes from inside it (Tiptap's
      // isFocused can lag a moment behind a focus it has just restored).
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setLinking(true);
      }
    };
    const dom = editor.view.dom;
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);

  type Tool = { label: string; shortcut?: string; keys?: string; pressed?: boolean; run: () => void; icon: LucideIcon };
  const groups: Tool[][] = [
    [
      { label: 'Bold', shortcut: `${mod}B`, keys: 'Control+B Meta+B', pressed: active.bold, run: () => editor.chain().focus().toggleBold().run(), icon: Bold },
      { label: 'Italic', shortcut: `${mod}I`, keys: 'Control+I Meta+I', pressed: active.italic, run: () => editor.chain().focus().toggleItalic().run(), icon: Italic },
      { label: 'Link', shortcut: `${mod}K`, keys: 'Control+K Meta+K', pressed: active.link, run: () => setLinking(true), icon: Link },
    ],
    [
      { label: 'Heading 2', shortcut: `${mod}Alt+2`, keys: 'Control+Alt+2 Meta+Alt+2', pressed: active.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), icon: Heading2 },
      { label: 'Heading 3', shortcut: `${mod}Alt+3`, keys: 'Control+Alt+3 Meta+Alt+3', pressed: active.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), icon: Heading3 },
      { label: 'Quote', shortcut: `${mod}Shift+B`, keys: 'Control+Shift+B Meta+Shift+B', pressed: active.quote, run: () => editor.chain().focus().toggleBlockquote().run(), icon: TextQuote },
    ],
    [
      { label: 'Bulleted list', shortcut: `${mod}Shift+8`, keys: 'Control+Shift+8 Meta+Shift+8', pressed: active.bullets, run: () => editor.chain().focus().toggleBulletList().run(), icon: List },
      { label: 'Numbered list', shortcut: `${mod}Shift+7`, keys: 'Control+Shift+7 Meta+Shift+7', pressed: active.numbers, run: () => editor.chain().focus().toggleOrderedList().run(), icon: ListOrdered },
      { label: 'Horizontal rule', run: () => editor.chain().focus().setHorizontalRule().run(), icon: Minus },
    ],
  ];
  const tip = (label: string, shortcut?: string) => (shortcut ? `${label} · ${shortcut}` : label);

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        {groups.map((group, i) => (
          <div key={i} className="tool-group" role="group">
            {group.map((b) => (
              <button
                key={b.label}
                type="button"
                className="tool"
                aria-label={b.label}
                aria-pressed={b.pressed}
                aria-keyshortcuts={b.keys}
                data-tip={tip(b.label, b.shortcut)}
                onMouseDown={(e) => e.preventDefault()}
                onClick={b.run}
              >
                <b.icon size={18} strokeWidth={2.25} aria-hidden="true" />
              </button>
            ))}
          </div>
        ))}
        <div className="tool-group" role="group">
          <button type="button" className="tool tool-wide" aria-label="Insert image" data-tip="Insert an image from the media library" onClick={onInsertImage}>
            <ImageIcon size={18} aria-hidden="true" /> <span aria-hidden="true">Image</span>
          </button>
          {onEmbed && (
            <button type="button" className="tool tool-wide" aria-label="Embed" data-tip="Embed a video, post, map or document by its address (or paste the address on an empty line)" onClick={onEmbed}>
              <Clapperboard size={18} aria-hidden="true" /> <span aria-hidden="true">Embed</span>
            </button>
          )}
        </div>
        <div className="tool-group tool-group-end" role="group">
          <button type="button" className="tool" aria-label="Find and replace" aria-pressed={finding} aria-keyshortcuts="Control+H Meta+H" data-tip={tip('Find and replace', `${mod}H`)} onClick={() => setFinding((open) => !open)}>
            <Search size={18} aria-hidden="true" />
          </button>
          <button type="button" className="tool" aria-label="Keyboard shortcuts" aria-keyshortcuts="Control+/ Meta+/" data-tip={tip('Keyboard shortcuts', `${mod}/`)} onClick={() => setShowingKeys(true)}>
            <Keyboard size={18} aria-hidden="true" />
          </button>
        </div>
      </div>
      {showingKeys && <ShortcutsDialog mod={mod} groups={groups} onClose={() => setShowingKeys(false)} />}
      {linking && <LinkForm editor={editor} onClose={() => setLinking(false)} />}
      {finding && <FindReplacePanel editor={editor} onClose={() => setFinding(false)} />}
    </>
  );
}

/** Every shortcut of the editor, in a modal dialog (Escape closes it). */
function ShortcutsDialog({ mod, groups, onClose }: { mod: string; groups: { label: string; shortcut?: string }[][]; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  const rows: [string, string][] = [
    ...groups.flat().flatMap((t) => (t.shortcut ? [[t.label, t.shortcut] as [string, string]] : [])),
    ['Find and replace', `${mod}H, or ${mod}F in the story`],
    ['Save a checkpoint', `${mod}S`],
    ['Undo / redo', `${mod}Z / ${mod}Shift+Z`],
    ['New line in the same paragraph', 'Shift+Enter'],
    ['This list', `${mod}/`],
  ];
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-heading" onClose={onClose}>
      <h2 id="shortcuts-heading">Keyboard shortcuts</h2>
      <table className="grid">
        <tbody>
          {rows.map(([label, keys]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>
                <kbd>{keys}</kbd>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <form method="dialog">
        <button type="submit" className="btn">
          Close
        </button>
      </form>
    </dialog>
  );
}
