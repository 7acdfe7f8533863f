'use client';

import { KeptAside } from './kept-aside';
import type { SharedState } from './use-shared-doc';

type Props = { storyId: string | null; viewerId: string; editable: boolean; waiting: boolean; alone: string | null; sharedState: SharedState | null };

/** What the editor says about how the story is being written: connecting, alone, refused, read-only. */
export function EditorNotices({ storyId, viewerId, editable, waiting, alone, sharedState }: Props) {
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
      {ready?.aside && storyId && <KeptAside storyId={storyId} viewerId={viewerId} text={ready.aside} />}
      {!editable && !waiting && !ready?.refused && <p className="notice">You can read this story, but not edit it in its current state.</p>}
    </>
  );
}
