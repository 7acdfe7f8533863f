'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { transitionStoryAction } from '@/lib/actions/workflow';
import type { ChecklistItem } from '@/lib/copydesk/checklist';
import { PublishChecklist } from './publish-checklist';

export type AvailableTransition = { name: string; label: string; noteRequired?: boolean; needsTime?: boolean; update?: boolean; blocked?: boolean; reason?: string };

type Props = {
  storyId: string;
  status: string;
  /** The state of a live story's pending update, if there is one. */
  updateState?: string | null;
  /** The newsroom's time zone, and the scheduled time in it, if any. */
  timeZone: string;
  scheduledFor: string | null;
  transitions: AvailableTransition[];
  /** The pre-publish checklist, when Publish or Schedule is offered. */
  checklist?: ChecklistItem[] | null;
  /** Saves pending edits first; resolves to the version the transition applies to, or null. */
  flush: () => Promise<number | null>;
};

/** The workflow buttons this person may use on this story now (the server checks again). */
export function WorkflowBar({ storyId, status, updateState = null, timeZone, scheduledFor, transitions, checklist = null, flush }: Props) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [note, setNote] = useState('');
  const [publishAt, setPublishAt] = useState(scheduledFor ?? '');
  // The status is always shown, even with nothing to do (an unpublished story says so).

  const run = async (transition: AvailableTransition) => {
    if (transition.noteRequired && !note.trim()) {
      setMessage('Say what needs to change.');
      return;
    }
    if (transition.needsTime && !publishAt) {
      setMessage('Choose when to publish.');
      return;
    }
    setBusy(true);
    setMessage('');
    const version = await flush();
    if (version === null) {
      setMessage('Your latest edits are not saved yet; resolve that first.');
      setBusy(false);
      return;
    }
    const result = await transitionStoryAction({
      storyId,
      transition: transition.name,
      update: !!transition.update,
      baseVersion: version,
      note: transition.noteRequired ? note : '',
      publishAt: transition.needsTime ? publishAt : '',
    });
    if (result.ok) router.refresh();
    else setMessage(result.message);
    setBusy(false);
  };

  const needsNote = transitions.some((t) => t.noteRequired);
  // Why a step shown is refused now, once per reason, beside the buttons it disables.
  const reasons = [...new Set(transitions.flatMap((t) => (t.blocked && t.reason ? [t.reason] : [])))];
  const needsTime = transitions.some((t) => t.needsTime);
  return (
    <section className="workflow" aria-label="Workflow">
      <span className={`status status-${status.toLowerCase()}`}>{status.replace('_', ' ').toLowerCase()}</span>
      {updateState && <span className="status status-in_review">update: {updateState.replace('_', ' ').toLowerCase()}</span>}
      {needsNote && (
        <>
          <label htmlFor="workflow-note" className="visually-hidden">
            Note for the reporter
          </label>
          <input id="workflow-note" className="workflow-note" placeholder="Note for the reporter (needed to request changes)" value={note} onChange={(e) => setNote(e.target.value)} />
        </>
      )}
      {scheduledFor && <span className="muted">for {scheduledFor.replace('T', ' ')} ({timeZone})</span>}
      {needsTime && (
        <>
          <label htmlFor="workflow-publish-at">Publish at ({timeZone})</label>
          <input id="workflow-publish-at" type="datetime-local" className="publish-at" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} />
        </>
      )}
      {transitions.map((t) => (
        <button
          key={`${t.update ? 'update' : 'story'}:${t.name}`}
          type="button"
          className={t.name === 'publish' ? 'btn' : 'btn btn-quiet'}
          disabled={busy || t.blocked}
          aria-describedby={t.reason ? reasonId(reasons, t.reason) : undefined}
          onClick={() => void run(t)}
        >
          {t.label}
        </button>
      ))}
      {reasons.map((reason, i) => (
        <p key={reason} id={`workflow-refused-${i}`} className="workflow-refused">
          {reason}
        </p>
      ))}
      {message && (
        <p role="alert" className="field-error">
          {message}
        </p>
      )}
      {checklist && <PublishChecklist items={checklist} />}
    </section>
  );
}

const reasonId = (reasons: string[], reason: string) => `workflow-refused-${reasons.indexOf(reason)}`;
