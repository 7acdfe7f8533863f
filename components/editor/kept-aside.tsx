'use client';

import { useState } from 'react';
import { discardAside } from './shared-local-copy';

/** Text typed on this device earlier that could not join the shared story: shown until discarded. */
export function KeptAside({ storyId, viewerId, text }: { storyId: string; viewerId: string; text: string }) {
  const [gone, setGone] = useState(false);
  if (gone) return null;
  return (
    <div className="notice" role="status">
      <p>Text you typed here while offline could not be merged: the story was restored on the server since. Copy what you need, then discard it.</p>
      <details>
        <summary>Text kept on this device</summary>
        <pre className="kept-aside">{text}</pre>
      </details>
      <button
        type="button"
        className="btn btn-quiet"
        onClick={() => {
          discardAside(viewerId, storyId);
          setGone(true);
        }}
      >
        Discard kept text
      </button>
    </div>
  );
}
