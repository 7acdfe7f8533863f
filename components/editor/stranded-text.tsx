'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { addCommentAction } from '@/lib/actions/comments';
import { toPlainText } from '@/lib/editor/plain-text';
import type { Doc } from '@/lib/editor/schema';
import { clearLocalCopy } from './local-copy';
import type { StoryDraft } from './types';

const COMMENT_LIMIT = 4000;

/** The text as one block a person can paste anywhere: headline, dek, then the body's paragraphs. */
function asText(draft: StoryDraft): string {
  return [draft.headline, draft.dek, toPlainText(draft.body as Doc)].filter((part) => part.trim()).join('\n\n');
}

/** Comments are at most 4,000 characters: longer text goes as several, in order, nothing cut. */
function inParts(text: string, limit: number): string[] {
  const parts: string[] = [];
  for (let rest = text; rest.length > 0; ) {
    let cut = rest.length <= limit ? rest.length : rest.lastIndexOf('\n', limit);
    if (cut <= 0) cut = limit;
    parts.push(rest.slice(0, cut));
    rest = rest.slice(cut).replace(/^\n+/, '');
  }
  return parts;
}

/**
 * Text this person typed that the server no longer takes: the story left their hands (submitted,
 * approved, published by someone else) before it was saved, or (`movedOn`) others wrote in it since,
 * so it cannot be laid over their words. Never silently dropped: it can be copied, or sent to the
 * story's editors as a comment; it stays on this device until then.
 */
export function StrandedText({ storyId, draft, movedOn = false, canComment, onDone }: { storyId: string; draft: StoryDraft; movedOn?: boolean; canComment: boolean; onDone: () => void }) {
  const router = useRouter();
  const [status, setStatus] = useState('');
  const [pending, setPending] = useState(false);
  const text = asText(draft);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setStatus('Copied. Paste it wherever it should go.');
    } catch {
      setStatus('This browser did not allow copying: select the text below and copy it.');
    }
  };

  const send = async () => {
    setPending(true);
    const parts = inParts(`${movedOn ? 'My unsaved changes, from before the story changed' : 'My unsaved changes, from before the story left my hands'}:\n\n${text}`, COMMENT_LIMIT);
    for (const [i, part] of parts.entries()) {
      const result = await addCommentAction({ storyId, body: parts.length > 1 ? `(${i + 1}/${parts.length}) ${part}`.slice(0, COMMENT_LIMIT) : part });
      if (!result.ok) {
        setPending(false);
        return setStatus(`${result.message} Your text is still kept on this device.`);
      }
    }
    clearLocalCopy(storyId);
    setPending(false);
    onDone();
    router.refresh(); // the story as it now stands, with the comment beside it
  };

  const discard = () => {
    if (!window.confirm('Discard your unsaved text? It cannot be brought back.')) return;
    clearLocalCopy(storyId);
    onDone();
    router.refresh();
  };

  return (
    <section className="stranded-text" role="region" aria-label="Your unsaved text">
      <p>
        <strong>{movedOn ? 'This story changed before your last changes were saved.' : 'This story left your hands before your last changes were saved.'}</strong> They are kept on this device: copy them, or send them to the editors as a
        comment.
      </p>
      <textarea readOnly value={text} rows={6} aria-label="Unsaved text" onFocus={(e) => e.target.select()} />
      <div className="stranded-actions">
        <button type="button" className="btn btn-small" onClick={() => void copy()}>
          Copy my text
        </button>
        {canComment && (
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => void send()}>
            Send to the editor as a comment
          </button>
        )}
        <button type="button" className="btn btn-small btn-quiet" onClick={discard}>
          Discard it
        </button>
      </div>
      <p role="status">{status}</p>
    </section>
  );
}
