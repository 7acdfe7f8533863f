'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import type { CopyDesk } from '@/components/editor/style-checks';
import { editEntryAction, entryStepAction, liveBlogAction, postEntryAction, type LiveResult } from '@/lib/actions/live';
import type { Doc } from '@/lib/editor/schema';
import { LiveComposer, type EntryDraft } from './live-composer';
import { LivePeople } from './live-people';

type DeskEntryView = { id: string; headline: string; text: string; body: Doc; keyEvent: boolean; pinned: boolean; status: 'PENDING' | 'PUBLISHED' | 'WITHDRAWN'; by: string; at: string; corrected: boolean; version: number; mine: boolean };

export type LiveDeskView = {
  running: boolean;
  endedAt: string | null;
  entriesNeedEditor: boolean;
  contributorIds: string[];
  canPost: boolean;
  canModerate: boolean;
  waits: boolean;
  entries: DeskEntryView[];
};

type Props = { storyId: string; section: string | null; desk: LiveDeskView; copydesk: CopyDesk; people: { id: string; name: string }[] };

const STATUS_WORDS = { PENDING: 'Waiting for an editor', PUBLISHED: 'Published', WITHDRAWN: 'Withdrawn' } as const;
const EMPTY: EntryDraft = { headline: '', keyEvent: false, body: { type: 'doc', content: [{ type: 'paragraph' }] } };

/** The live blog's desk on its story page: coverage, contributors, the entry composer, and every entry with its actions. */
export function LiveDesk({ storyId, section, desk, copydesk, people }: Props) {
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const act = (work: () => Promise<LiveResult>) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? (result.message ? { ok: true, text: result.message } : null) : { ok: false, text: result.message });
      if (result.ok) router.refresh();
    });
  const done = (result: LiveResult & { ok: true }) => {
    setMessage(result.message ? { ok: true, text: result.message } : null);
    setEditing(null);
    router.refresh();
  };
  // Correcting a published entry where entries need an editor is an editor's job (the server says so too).
  const mayEdit = (e: DeskEntryView) => e.status !== 'WITHDRAWN' && (desk.canModerate || (e.mine && (e.status === 'PENDING' || !desk.entriesNeedEditor)));

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
      {desk.canModerate && <LivePeople storyId={storyId} people={people} contributorIds={desk.contributorIds} entriesNeedEditor={desk.entriesNeedEditor} onSaved={() => router.refresh()} />}
      {desk.canPost && desk.running && (
        <LiveComposer
          storyId={storyId}
          section={section}
          copydesk={copydesk}
          initial={EMPTY}
          submitLabel="Post entry"
          onSubmit={(draft) => postEntryAction({ storyId, ...draft })}
          onDone={done}
          note={desk.waits ? 'Your entries go to an editor before readers see them.' : undefined}
        />
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
            {editing === entry.id ? (
              <LiveComposer
                storyId={storyId}
                section={section}
                copydesk={copydesk}
                initial={{ headline: entry.headline, keyEvent: entry.keyEvent, body: entry.body }}
                submitLabel="Save correction"
                onSubmit={(draft) => editEntryAction({ storyId, entryId: entry.id, baseVersion: entry.version, ...draft })}
                onDone={done}
                onCancel={() => setEditing(null)}
                note={entry.status === 'PUBLISHED' ? 'Readers see it marked Corrected, with the time.' : undefined}
              />
            ) : (
              <>
                {entry.headline && <p className="live-desk-headline">{entry.headline}</p>}
                <p className="live-desk-text">{entry.text}</p>
              </>
            )}
            <div className="live-desk-actions">
              {entry.status === 'PENDING' && desk.canModerate && (
                <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => entryStepAction({ storyId, entryId: entry.id, action: 'approve' }))}>
                  Approve entry
                </button>
              )}
              {mayEdit(entry) && editing !== entry.id && (
                <button type="button" className="btn btn-small" disabled={pending} onClick={() => setEditing(entry.id)} aria-label={`Edit entry of ${entry.at}`}>
                  Edit
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
