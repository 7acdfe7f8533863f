'use client';

import type { Editor } from '@tiptap/react';
import type { EditorView } from '@tiptap/pm/view';
import { useCallback, useRef, useState } from 'react';
import { resolveEmbedAction } from '@/lib/actions/embeds';

// Turning an address into an embed: pasted alone on an empty line, or typed in the Embed dialog.
// The server resolves it (lib/data/embeds.ts); meanwhile the reporter keeps writing, and the place
// it goes follows their edits. The card goes in as one change (one undo takes it out); an address
// that cannot be embedded goes in as a link, with the reason in a notice, so nothing pasted is lost.

const ADDRESS = /^https?:\/\/\S+$/i;

export type EmbedInserter = {
  notice: string | null;
  /** Resolves `url` and puts its card (or, refused, a link) where `pos` will have moved to. */
  embedAt: (url: string, pos: number) => Promise<{ ok: boolean; message?: string }>;
  /** editorProps.handlePaste: an address pasted alone on an empty paragraph becomes an embed. */
  handlePaste: (view: EditorView, event: ClipboardEvent) => boolean;
  setEditor: (editor: Editor | null) => void;
};

export function useEmbeds(): EmbedInserter {
  const editorRef = useRef<Editor | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const embedAt = useCallback(async (url: string, pos: number) => {
    const editor = editorRef.current;
    if (!editor) return { ok: false, message: 'The editor is not ready.' };
    let at = pos;
    const follow = ({ transaction }: { transaction: { mapping: { map: (p: number) => number } } }) => {
      at = transaction.mapping.map(at);
    };
    editor.on('transaction', follow);
    setNotice(`Embedding ${url}…`);
    let result: Awaited<ReturnType<typeof resolveEmbedAction>>;
    try {
      result = await resolveEmbedAction({ url });
    } catch {
      result = { ok: false, message: 'The newsroom could not be reached.' };
    } finally {
      editor.off('transaction', follow);
    }
    if (editor.isDestroyed) return { ok: false, message: 'The editor was closed.' };
    const content = result.ok
      ? { type: 'embed', attrs: result.attrs }
      : { type: 'paragraph', content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }] };
    const $at = editor.state.doc.resolve(Math.min(at, editor.state.doc.content.size));
    // Into the empty line it was pasted on, if it still is one; else after the block it is in.
    const range =
      $at.parent.isTextblock && $at.parent.content.size === 0 && $at.depth > 0
        ? { from: $at.before(), to: $at.after() }
        : $at.depth > 0
          ? $at.after(1)
          : at;
    editor.chain().insertContentAt(range, content).run();
    setNotice(result.ok ? `Embedded: ${result.attrs.title || result.attrs.url}.` : `Not embedded: ${result.message} It stays a link.`);
    return result.ok ? { ok: true } : { ok: false, message: result.message };
  }, []);

  const handlePaste = useCallback(
    (view: EditorView, event: ClipboardEvent) => {
      const text = event.clipboardData?.getData('text/plain').trim() ?? '';
      if (!ADDRESS.test(text) || text.length > 2000) return false;
      const { $from, empty } = view.state.selection;
      if (!empty || $from.parent.type.name !== 'paragraph' || $from.parent.content.size !== 0) return false;
      void embedAt(text, $from.pos);
      return true;
    },
    [embedAt],
  );

  const setEditor = useCallback((editor: Editor | null) => {
    editorRef.current = editor;
  }, []);

  return { notice, embedAt, handlePaste, setEditor };
}
