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

// What is typed into the Legal panel, per story and field. The panel sits in the editor's side
// column, which the page makes anew when the story's version changes (a step taken a moment
// before, say): kept here, a reason being typed survives that.
const typed = new Map<string, string>();
function useTyped(key: string, initial = ''): [string, (value: string) => void] {
  const [value, setValue] = useState(() => typed.get(key) ?? initial);
  return [
    value,
    (next: string) => {
      typed.set(key, next);
      setValue(next);
    },
  ];
}

/** Runs a hold action, refreshes the page when it worked, and keeps the refusal to show. */
function useHoldAction() {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  /** `done`: the typed field the action used up, forgotten once it worked. */
  const act = (work: () => Promise<{ ok: boolean; message?: string }>, done?: string) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? null : (result.message ?? 'That did not work.'));
      if (result.ok && done) typed.delete(done);
      if (result.ok) router.refresh();
    });
  const refusal = message && (
    <p role="alert" className="notice notice-error">
      {message}
    </p>
  );
  return { act, pending, refusal };
}

/** What stands between the story and its readers, above the editor where nobody misses it. */
export function HoldBanners({ storyId, holds }: { storyId: string; holds: HoldsView }) {
  const { act, pending, refusal } = useHoldAction();
  if (!holds.legalHold && !holds.embargo && !holds.takedown) return null;
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
      {refusal}
    </section>
  );
}

/** The Legal panel of the side column: put on hold, embargo, take down. Editors only. */
export function LegalPanel({ storyId, holds }: { storyId: string; holds: HoldsView }) {
  const { act, pending, refusal } = useHoldAction();
  const [reason, setReason] = useTyped(`${storyId}:hold`);
  const [takedownReason, setTakedownReason] = useTyped(`${storyId}:takedown`);
  const [until, setUntil] = useTyped(`${storyId}:embargo:${holds.embargo?.local ?? ''}`, holds.embargo?.local ?? '');
  const offersHold = holds.canHold && !holds.legalHold;
  const offersTakedown = holds.canHold && holds.live && !holds.takedown;
  if (!offersHold && !offersTakedown && !holds.canEmbargo) return null;
  return (
    <section className="panel legal" aria-labelledby="legal-heading">
      <h2 id="legal-heading">Legal</h2>
      {offersHold && (
        <div className="field">
          <label htmlFor="legal-hold-reason">Reason for a legal hold</label>
          <input id="legal-hold-reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
          <button type="button" className="btn btn-small btn-danger" disabled={pending} onClick={() => act(() => setLegalHoldAction({ storyId, hold: true, reason }), `${storyId}:hold`)}>
            Put on legal hold
          </button>
        </div>
      )}
      {holds.canEmbargo && (
        <div className="field">
          <label htmlFor="legal-embargo">
            Embargo until <span className="muted">({holds.timeZone})</span>
          </label>
          <input id="legal-embargo" type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
          <div className="legal-actions">
            <button type="button" className="btn btn-small" disabled={pending || !until} onClick={() => act(() => setEmbargoAction({ storyId, until }))}>
              Set embargo
            </button>
            {holds.embargo && (
              <button type="button" className="btn btn-small btn-quiet" disabled={pending} onClick={() => act(() => setEmbargoAction({ storyId, until: '' }))}>
                Lift embargo
              </button>
            )}
          </div>
        </div>
      )}
      {offersTakedown && (
        <div className="field">
          <label htmlFor="legal-takedown-reason">Reason for a takedown</label>
          <input id="legal-takedown-reason" value={takedownReason} maxLength={500} onChange={(e) => setTakedownReason(e.target.value)} />
          <p className="muted">Its addresses answer 451 at once, and it leaves every list, feed, search and the API until restored.</p>
          <button type="button" className="btn btn-small btn-danger" disabled={pending} onClick={() => act(() => takeDownAction({ storyId, reason: takedownReason }), `${storyId}:takedown`)}>
            Take down for legal reasons
          </button>
        </div>
      )}
      {refusal}
    </section>
  );
}
