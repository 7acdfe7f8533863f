'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { restoreToReadersAction, setEmbargoAction, setLegalHoldAction, takeDownAction } from '@/lib/actions/holds';

export type HoldsView = {
  legalHold: { reason: string; by: string; when: string } | null;
  embargo: { when: string; local: string } | null;
  takedown: { reason: string; by: string; when: string } | null;
  live: boolean;
  canHold: boolean;
  canEmbargo: boolean;
  timeZone: string;
};

/** Legal hold, takedown and embargo on the story page: shown to everyone, set and lifted by editors. */
export function HoldsPanel({ storyId, holds }: { storyId: string; holds: HoldsView }) {
  const router = useRouter();
  const [reason, setReason] = useState('');
  const [takedownReason, setTakedownReason] = useState('');
  const [until, setUntil] = useState(holds.embargo?.local ?? '');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const act = (work: () => Promise<{ ok: boolean; message?: string }>) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? null : (result.message ?? 'That did not work.'));
      if (result.ok) router.refresh();
    });

  if (!holds.legalHold && !holds.embargo && !holds.canHold && !holds.canEmbargo) return null;
  return (
    <section className="holds" aria-label="Legal hold and embargo">
      {holds.takedown && (
        <div className="hold-banner hold-legal" role="note" aria-label="Legal takedown">
          <strong>Taken down for legal reasons.</strong> {holds.takedown.reason}{' '}
          <span className="muted">
            — {holds.takedown.by}, {holds.takedown.when}. Its addresses answer 451 Unavailable For Legal Reasons; it is absent from every list, feed, sitemap, search and the API.
          </span>
          {holds.canHold && (
            <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => restoreToReadersAction({ storyId }))}>
              Restore to readers
            </button>
          )}
        </div>
      )}
      {holds.legalHold && (
        <div className="hold-banner hold-legal" role="note" aria-label="Legal hold">
          <strong>Legal hold.</strong> {holds.legalHold.reason}{' '}
          <span className="muted">
            — {holds.legalHold.by}, {holds.legalHold.when}.{' '}
            {holds.live ? 'Nothing about it reaches readers until lifted: updates, corrections and caption changes wait.' : 'Cannot be approved, scheduled or published until lifted.'}
          </span>
          {holds.canHold && !holds.takedown && (
            <button type="button" className="btn btn-small" disabled={pending} onClick={() => act(() => setLegalHoldAction({ storyId, hold: false, reason: '' }))}>
              Lift legal hold
            </button>
          )}
        </div>
      )}
      {holds.embargo && (
        <div className="hold-banner hold-embargo" role="note" aria-label="Embargo">
          <strong>Embargoed until {holds.embargo.when}.</strong> <span className="muted">Absent from the public site, feeds, sitemaps, search and the API until then.</span>
        </div>
      )}
      {holds.canHold && holds.live && !holds.takedown && (
        <details className="holds-controls">
          <summary>Take down for legal reasons</summary>
          <div className="inline-form">
            <label>
              Reason
              <input value={takedownReason} maxLength={500} onChange={(e) => setTakedownReason(e.target.value)} />
            </label>
            <button type="button" className="btn btn-small btn-danger" disabled={pending} onClick={() => act(() => takeDownAction({ storyId, reason: takedownReason }))}>
              Take down for legal reasons
            </button>
          </div>
        </details>
      )}
      {(holds.canHold && !holds.legalHold) || holds.canEmbargo ? (
        <details className="holds-controls">
          <summary>Legal hold and embargo</summary>
          {holds.canHold && !holds.legalHold && (
            <div className="inline-form">
              <label>
                Reason
                <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
              </label>
              <button type="button" className="btn btn-small btn-danger" disabled={pending} onClick={() => act(() => setLegalHoldAction({ storyId, hold: true, reason }))}>
                Put on legal hold
              </button>
            </div>
          )}
          {holds.canEmbargo && (
            <div className="inline-form">
              <label>
                Embargo until <span className="muted">({holds.timeZone})</span>
                <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
              </label>
              <button type="button" className="btn btn-small" disabled={pending || !until} onClick={() => act(() => setEmbargoAction({ storyId, until }))}>
                Set embargo
              </button>
              {holds.embargo && (
                <button type="button" className="btn btn-small btn-quiet" disabled={pending} onClick={() => act(() => setEmbargoAction({ storyId, until: '' }))}>
                  Lift embargo
                </button>
              )}
            </div>
          )}
        </details>
      ) : null}
      {message && (
        <p role="alert" className="notice notice-error">
          {message}
        </p>
      )}
    </section>
  );
}
