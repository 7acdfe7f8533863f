'use client';

import { EditorContent, useEditor } from '@tiptap/react';
import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { entryStepAction, liveBlogAction, postEntryAction, type LiveResult } from '@/lib/actions/live';
import { storyExtensions } from '@/lib/editor/extensions';

export type LiveDeskView = {
  running: boolean;
  endedAt: string | null;
  canPost: boolean;
  canModerate: boolean;
  waits: boolean;
  entries: { id: string; headline: string; text: string; keyEvent: boolean; pinned: boolean; status: 'PENDING' | 'PUBLISHED' | 'WITHDRAWN'; by: string; at: string; corrected: boolean; mine: boolean }[];
};

const STATUS_WORDS = { PENDING: 'Waiting for an editor', PUBLISHED: 'Published', WITHDRAWN: 'Withdrawn' } as const;

/** The live blog's desk on its story page: coverage, the entry composer, and every entry with its actions. */
export function LiveDesk({ storyId, desk }: { storyId: string; desk: LiveDeskView }) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [headline, setHeadline] = useState('');
  const [keyEvent, setKeyEvent] = useState(false);
  const [pending, start] = useTransition();
  const editor = useEditor({
    extensions: storyExtensions(),
    content: { type: 'doc', content: [{ type: 'paragraph' }] },
    immediatelyRender: false,
    editorProps: { attributes: { role: 'textbox', 'aria-multiline': 'true', 'aria-label': 'Entry', class: 'live-composer-body' } },
  });

  const act = (work: () => Promise<LiveResult>, after?: () => void) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? (result.message ? { ok: true, text: result.message } : null) : { ok: false, text: result.message });
      if (result.ok) {
        after?.();
        router.refresh();
      }
    });

  const post = () =>
    act(
      () => postEntryAction({ storyId, headline, keyEvent, body: editor?.getJSON() }),
      // The text is cleared only once the server has it: a refused entry stays in the composer.
      () => {
        setHeadline('');
        setKeyEvent(false);
        editor?.commands.clearContent();
      },
    );

  return (
    <section className="live-desk" aria-label="Live coverage">
      <div className="live-desk-head">
        <h2>Live coverage</h2>
        <span className={`live-desk-state${desk.running ? ' live-desk-running' : ''}`}>{desk.running ? 'Coverage running' : `Coverage ended ${desk.endedAt ?? ''}`}</span>
        {desk.canModerate && (
          <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => liveBlogAction({ storyId, action: desk.running ? 'end' : 'resume' }))}>
            {desk.running ? 'End coverage' : 'Resume coverage'}
          </button>
        )}
      </div>
      {desk.canPost && desk.running && (
        <div className="live-composer" role="group" aria-label="New entry">
          <label>
            Entry headline <span className="muted">(optional)</span>
            <input value={headline} maxLength={200} onChange={(e) => setHeadline(e.target.value)} />
          </label>
          <span className="live-composer-label" aria-hidden="true">
            Entry
          </span>
          <EditorContent editor={editor} />
          <div className="live-composer-actions">
            <label className="checkbox">
              <input type="checkbox" checked={keyEvent} onChange={(e) => setKeyEvent(e.target.checked)} /> Key event
            </label>
            <button type="button" className="btn btn-primary" disabled={pending} onClick={post}>
              Post entry
            </button>
            {desk.waits && <span className="muted">Your entries go to an editor before readers see them.</span>}
          </div>
        </div>
      )}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={`notice ${message.ok ? '' : 'notice-error'}`}>
          {message.text}
        </p>
      )}
      <ol className="live-desk-entries" aria-label="Entries">
        {desk.entries.map((entry) => (
          <li key={entry.id} className={`live-desk-entry live-desk-${entry.status.toLowerCase()}`}>
            <p className="live-desk-meta">
              <strong>{STATUS_WORDS[entry.status]}</strong> · {entry.by} · {entry.at}
              {entry.keyEvent && ' · Key event'}
              {entry.pinned && ' · Pinned'}
              {entry.corrected && ' · Corrected'}
            </p>
            {entry.headline && <p className="live-desk-headline">{entry.headline}</p>}
            <p className="live-desk-text">{entry.text}</p>
            <div className="live-desk-actions">
              {entry.status === 'PENDING' && desk.canModerate && (
                <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => entryStepAction({ storyId, entryId: entry.id, action: 'approve' }))}>
                  Approve entry
                </button>
              )}
              {entry.status === 'PUBLISHED' && desk.canModerate && (
                <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => entryStepAction({ storyId, entryId: entry.id, action: entry.pinned ? 'unpin' : 'pin' }))}>
                  {entry.pinned ? 'Unpin' : 'Pin'}
                </button>
              )}
              {entry.status !== 'WITHDRAWN' && (desk.canModerate || entry.mine) && (
                <button type="button" className="btn btn-small btn-quiet" disabled={pending} onClick={() => act(() => entryStepAction({ storyId, entryId: entry.id, action: 'withdraw' }))}>
                  Withdraw
                </button>
              )}
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** On a draft: turn it into a live blog (its body becomes the summary above the entries). */
export function StartLiveBlog({ storyId }: { storyId: string }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="live-start">
      <button
        type="button"
        className="btn btn-small"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await liveBlogAction({ storyId, action: 'start' });
            setMessage(result.ok ? null : result.message);
            if (result.ok) router.refresh();
          })
        }
      >
        Make it a live blog
      </button>
      {message && (
        <span role="alert" className="field-error">
          {message}
        </span>
      )}
    </div>
  );
}
