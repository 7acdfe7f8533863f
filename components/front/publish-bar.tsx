'use client';

import { useState, useTransition } from 'react';
import type { FrontDesk } from '@/lib/data/front';
import type { SaveState } from './use-draft-saver';

type Props = {
  desk: FrontDesk;
  save: SaveState;
  notice: { ok: boolean; text: string } | null;
  timeZone: string;
  onPublish: (publishAt: string, note: string) => Promise<void>;
  onPreview: () => Promise<boolean>;
};

function saveText(save: SaveState, desk: FrontDesk): string {
  if (save.kind === 'saving') return 'Saving draft…';
  if (save.kind === 'saved') return 'Draft saved · not yet live';
  if (save.kind === 'error') return save.message;
  return desk.draft ? `Draft by ${desk.draft.by}, ${desk.draft.when} · not yet live` : 'No unpublished changes';
}

/** What is live, whether the draft is saved, and the buttons that preview, publish and schedule it. */
export function PublishBar({ desk, save, notice, timeZone, onPublish, onPreview }: Props) {
  const [publishAt, setPublishAt] = useState('');
  const [note, setNote] = useState('');
  const [busy, start] = useTransition();
  const run = (at: string) =>
    start(async () => {
      await onPublish(at, note);
      setNote('');
      setPublishAt('');
    });

  return (
    <section aria-label="Publish the front page" className="panel front-publish">
      <p className="muted">
        {desk.live ? `Live: version ${desk.live.number}, published ${desk.live.when} by ${desk.live.by}.` : 'Live: the newest stories (no arrangement published yet).'}
      </p>
      <p role="status" className={save.kind === 'error' ? 'notice notice-error' : 'muted'}>
        {saveText(save, desk)}
        {save.kind === 'error' && save.conflict && (
          <>
            {' '}
            <button type="button" className="btn btn-small" onClick={() => window.location.reload()}>
              Reload
            </button>
          </>
        )}
      </p>
      <div className="front-publish-row">
        <a
          className="btn"
          href="/preview/front"
          target="_blank"
          rel="noopener"
          onClick={async (e) => {
            // The preview shows the saved draft: save what is on screen first.
            e.preventDefault();
            if (await onPreview()) window.open('/preview/front', '_blank', 'noopener');
          }}
        >
          Preview
        </a>
        <label>
          <span>
            Note <span className="muted">(optional)</span>
          </span>
          <input type="text" value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
        </label>
        <button type="button" className="btn btn-primary" disabled={busy} onClick={() => run('')}>
          Publish front page
        </button>
        <label>
          <span>
            Publish at <span className="muted">({timeZone})</span>
          </span>
          <input type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
        </label>
        <button type="button" className="btn" disabled={busy || !publishAt} onClick={() => run(publishAt)}>
          Schedule
        </button>
      </div>
      {notice && (
        <p role="alert" className={notice.ok ? 'notice notice-ok' : 'notice notice-error'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
