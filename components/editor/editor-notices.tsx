'use client';

import { KeptAside } from './kept-aside';
import type { SharedState } from './use-shared-doc';

type Props = { storyId: string | null; viewerId: string; editable: boolean; waiting: boolean; alone: string | null; sharedState: SharedState | null; timeZone: string; onUndoRestore: () => void };

const when = (iso: string, timeZone: string) => new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

/** What the editor says about how the story is being written: connecting, alone, refused, read-only. */
export function EditorNotices({ storyId, viewerId, editable, waiting, alone, sharedState, timeZone, onUndoRestore }: Props) {
  const ready = sharedState?.kind === 'ready' ? sharedState : null;
  return (
    <>
      {waiting && <p className="notice">Connecting to the shared story…</p>}
      {alone && <p className="notice">{alone}</p>}
      {ready?.refused && (
        <p className="notice" role="alert">
          {ready.refused}
        </p>
      )}
      {ready?.restore && (
        <p className="notice notice-restore" role="status">
          {ready.restore.by} restored the version of {when(ready.restore.from, timeZone)}.{' '}
          {editable && (
            <button type="button" className="btn btn-small" onClick={onUndoRestore}>
              Undo the restore
            </button>
          )}
        </p>
      )}
      {ready?.restoreSaid && (
        <p className="notice" role="status">
          {ready.restoreSaid}
        </p>
      )}
      {ready?.aside && storyId && <KeptAside storyId={storyId} viewerId={viewerId} text={ready.aside} />}
      {!editable && !waiting && !ready?.refused && <p className="notice">You can read this story, but not edit it in its current state.</p>}
    </>
  );
}
