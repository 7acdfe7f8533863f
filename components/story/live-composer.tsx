'use client';

import { EditorContent, useEditor, useEditorState, type Editor } from '@tiptap/react';
import { useEffect, useId, useMemo, useState } from 'react';
import { ImagePicker, type PickedImage } from '@/components/editor/image-picker';
import { LinkForm } from '@/components/editor/link-form';
import { EmbedDialog } from '@/components/editor/embed-dialog';
import { withEmbedCards } from '@/components/editor/embed-view';
import { useEmbeds } from '@/components/editor/use-embeds';
import { StyleChecks, type CopyDesk } from '@/components/editor/style-checks';
import type { LiveResult } from '@/lib/actions/live';
import { entryStyleText } from '@/lib/copydesk/entry-text';
import { storyExtensions } from '@/lib/editor/extensions';
import type { Doc } from '@/lib/editor/schema';
import { StyleHighlights } from '@/lib/editor/style-highlights';

export type EntryDraft = { headline: string; body: Doc; keyEvent: boolean };

type Props = {
  storyId: string;
  section: string | null;
  copydesk: CopyDesk;
  /** What the composer opens with: empty for a new entry, the entry's text to correct one. */
  initial: EntryDraft;
  submitLabel: string;
  /** Sends the entry; the composer empties (or closes) only when the server took it. */
  onSubmit: (draft: EntryDraft) => Promise<LiveResult>;
  onDone: (result: LiveResult & { ok: true }) => void;
  onCancel?: () => void;
  note?: string;
};

/**
 * One entry as it is written or corrected: an optional headline, the text (the story schema, with
 * images from the library), Key event, and the copy desk's checks as the reporter types, the same
 * checks the server runs before the entry is posted. A refused entry keeps every word.
 */
export function LiveComposer({ storyId, section, copydesk, initial, submitLabel, onSubmit, onDone, onCancel, note }: Props) {
  const ids = useId();
  const [headline, setHeadline] = useState(initial.headline);
  const [keyEvent, setKeyEvent] = useState(initial.keyEvent);
  const [body, setBody] = useState<Doc>(initial.body);
  const [error, setError] = useState<{ text: string; style: string[] } | null>(null);
  const [pending, setPending] = useState(false);
  const [picking, setPicking] = useState(false);
  const [embedding, setEmbedding] = useState(false);
  const embeds = useEmbeds();
  const editor = useEditor({
    extensions: [...withEmbedCards(storyExtensions()), StyleHighlights],
    content: initial.body,
    immediatelyRender: false,
    onUpdate: ({ editor: e }) => setBody(e.getJSON() as Doc),
    editorProps: {
      attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Entry', class: 'live-composer-body story-body' },
      handlePaste: (view, event) => embeds.handlePaste(view, event),
    },
  });
  const { setEditor: setEmbedEditor } = embeds;
  useEffect(() => setEmbedEditor(editor), [editor, setEmbedEditor]);
  const styleText = useMemo(() => entryStyleText(headline, body, section), [headline, body, section]);

  async function submit() {
    if (!editor || pending) return;
    setPending(true);
    try {
      const result = await onSubmit({ headline, keyEvent, body: editor.getJSON() as Doc });
      if (!result.ok) {
        setError({ text: result.message, style: result.fieldErrors?.style ?? [] });
        return;
      }
      setError(null);
      setHeadline('');
      setKeyEvent(false);
      editor.commands.clearContent(true);
      onDone(result);
    } catch {
      setError({ text: 'The entry could not be sent. Your text is still here; try again.', style: [] });
    } finally {
      setPending(false);
    }
  }

  const pick = (image: PickedImage) => {
    setPicking(false);
    editor?.chain().focus().insertContent({ type: 'image', attrs: { src: image.src, alt: image.alt, mediaId: image.id, caption: image.caption, credit: image.credit, width: image.width, height: image.height } }).run();
  };

  return (
    <div className="live-composer" role="group" aria-label={submitLabel === 'Post entry' ? 'New entry' : 'Correct entry'}>
      <label>
        <span>
          Entry headline <span className="muted">(optional)</span>
        </span>
        <input id={`${ids}-headline`} value={headline} maxLength={200} onChange={(e) => setHeadline(e.target.value)} />
      </label>
      <span className="live-composer-label" aria-hidden="true">
        Entry
      </span>
      {editor && <EntryToolbar editor={editor} onInsertImage={() => setPicking(true)} onEmbed={() => setEmbedding(true)} />}
      {embeds.notice && (
        <p className="paste-notice" role="status">
          {embeds.notice}
        </p>
      )}
      <EditorContent editor={editor} />
      <div className="live-composer-actions">
        <label className="checkbox">
          <input type="checkbox" checked={keyEvent} onChange={(e) => setKeyEvent(e.target.checked)} /> Key event
        </label>
        <button type="button" className="btn btn-primary" disabled={pending} onClick={submit}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="btn btn-quiet" disabled={pending} onClick={onCancel}>
            Cancel
          </button>
        )}
        {note && <span className="muted">{note}</span>}
      </div>
      {error && (
        <div role="alert" className="notice notice-error">
          <p>{error.text}</p>
          {error.style.length > 1 && (
            <ul>
              {error.style.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <StyleChecks
        editor={editor}
        storyId={storyId}
        text={styleText}
        copydesk={copydesk}
        editable
        onFieldFix={(field, value) => field === 'headline' && setHeadline(value)}
        context={{ heading: 'Entry style checks', id: `${ids}-style`, fields: { headline: `${ids}-headline`, dek: `${ids}-headline` }, blocks: 'errors block posting' }}
      />
      {picking && <ImagePicker title="Insert image" onPick={pick} onClose={() => setPicking(false)} />}
      {embedding && editor && <EmbedDialog onInsert={(url) => embeds.embedAt(url, editor.state.selection.from)} onClose={() => setEmbedding(false)} />}
    </div>
  );
}

/** The few tools an entry needs; Bold, Italic and lists keep their usual shortcuts, Ctrl/⌘+K a link. */
function EntryToolbar({ editor, onInsertImage, onEmbed }: { editor: Editor; onInsertImage: () => void; onEmbed: () => void }) {
  const [linking, setLinking] = useState(false);
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({ bold: e.isActive('bold'), italic: e.isActive('italic'), link: e.isActive('link'), quote: e.isActive('blockquote'), bullets: e.isActive('bulletList') }),
  });
  useEffect(() => {
    const dom = editor.view.dom;
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        setLinking(true);
      }
    };
    dom.addEventListener('keydown', onKey);
    return () => dom.removeEventListener('keydown', onKey);
  }, [editor]);
  const tools = [
    { label: 'Bold', text: 'B', pressed: active.bold, run: () => editor.chain().focus().toggleBold().run() },
    { label: 'Italic', text: 'I', pressed: active.italic, run: () => editor.chain().focus().toggleItalic().run() },
    { label: 'Link', text: 'Link', pressed: active.link, run: () => setLinking(true) },
    { label: 'Quote', text: '“ ”', pressed: active.quote, run: () => editor.chain().focus().toggleBlockquote().run() },
    { label: 'Bulleted list', text: '•', pressed: active.bullets, run: () => editor.chain().focus().toggleBulletList().run() },
  ];
  return (
    <>
      <div className="toolbar live-toolbar" role="toolbar" aria-label="Entry formatting">
        {tools.map((t) => (
          <button key={t.label} type="button" className="tool" aria-label={t.label} aria-pressed={t.pressed} onMouseDown={(e) => e.preventDefault()} onClick={t.run}>
            {t.text}
          </button>
        ))}
        <button type="button" className="tool tool-wide" aria-label="Insert image" onClick={onInsertImage}>
          Image
        </button>
        <button type="button" className="tool tool-wide" aria-label="Embed" onClick={onEmbed}>
          Embed
        </button>
      </div>
      {linking && <LinkForm editor={editor} onClose={() => setLinking(false)} />}
    </>
  );
}
