'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { FindReplacePanel } from './find-replace-panel';
import { LinkForm } from './link-form';

type Props = { editor: Editor; onInsertImage: () => void };

const isMac = () => typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function Toolbar({ editor, onInsertImage }: Props) {
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
  // Find and replace: Ctrl/⌘+H anywhere on the page, and Ctrl/⌘+F while typing in the body.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const key = e.key.toLowerCase();
      if ((e.ctrlKey || e.metaKey) && !e.altKey && (key === 'h' || (key === 'f' && editor.isFocused))) {
        e.preventDefault();
        setFinding(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [editor]);
  // Ctrl/⌘+K, as in every word processor, opens the link form.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k' && editor.isFocused) {
        e.preventDefault();
        setLinking(true);
      }
    };
    const dom = editor.view.dom;
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);

  const buttons: { label: string; shortcut?: string; pressed?: boolean; run: () => void; text: string }[] = [
    { label: 'Bold', shortcut: `${mod}B`, pressed: active.bold, run: () => editor.chain().focus().toggleBold().run(), text: 'B' },
    { label: 'Italic', shortcut: `${mod}I`, pressed: active.italic, run: () => editor.chain().focus().toggleItalic().run(), text: 'I' },
    { label: 'Link', shortcut: `${mod}K`, pressed: active.link, run: () => setLinking(true), text: 'Link' },
    { label: 'Heading 2', shortcut: `${mod}Alt+2`, pressed: active.h2, run: () => editor.chain().focus().toggleHeading({ level: 2 }).run(), text: 'H2' },
    { label: 'Heading 3', shortcut: `${mod}Alt+3`, pressed: active.h3, run: () => editor.chain().focus().toggleHeading({ level: 3 }).run(), text: 'H3' },
    { label: 'Quote', shortcut: `${mod}Shift+B`, pressed: active.quote, run: () => editor.chain().focus().toggleBlockquote().run(), text: '❝' },
    { label: 'Bulleted list', shortcut: `${mod}Shift+8`, pressed: active.bullets, run: () => editor.chain().focus().toggleBulletList().run(), text: '•' },
    { label: 'Numbered list', shortcut: `${mod}Shift+7`, pressed: active.numbers, run: () => editor.chain().focus().toggleOrderedList().run(), text: '1.' },
    { label: 'Horizontal rule', run: () => editor.chain().focus().setHorizontalRule().run(), text: '—' },
  ];

  return (
    <>
      <div className="toolbar" role="toolbar" aria-label="Formatting">
        {buttons.map((b) => (
          <button
            key={b.label}
            type="button"
            className="tool"
            aria-label={b.label}
            aria-pressed={b.pressed}
            title={b.shortcut ? `${b.label} (${b.shortcut})` : b.label}
            onMouseDown={(e) => e.preventDefault()}
            onClick={b.run}
          >
            <span aria-hidden="true">{b.text}</span>
          </button>
        ))}
        <button type="button" className="tool tool-wide" aria-label="Insert image" onClick={onInsertImage}>
          <span aria-hidden="true">Image…</span>
        </button>
        <button type="button" className="tool tool-wide" aria-label="Find and replace" aria-pressed={finding} title={`Find and replace (${mod}H)`} onClick={() => setFinding((open) => !open)}>
          <span aria-hidden="true">Find…</span>
        </button>
      </div>
      {linking && <LinkForm editor={editor} onClose={() => setLinking(false)} />}
      {finding && <FindReplacePanel editor={editor} onClose={() => setFinding(false)} />}
    </>
  );
}
