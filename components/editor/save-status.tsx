'use client';

import type { SaveState } from './types';

function describe(state: SaveState): string {
  switch (state.kind) {
    case 'idle':
      return state.message ?? 'No changes yet';
    case 'dirty':
      return 'Unsaved changes';
    case 'saving':
      return 'Saving…';
    case 'saved':
      return `Saved ${state.at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
    case 'offline':
      return 'Offline — changes kept on this device';
    case 'error':
      return `Not saved: ${state.message}`;
    case 'conflict':
      return 'Not saved: someone else saved this story';
  }
}

export function SaveStatus({ state }: { state: SaveState }) {
  return (
    <p role="status" className={`save-status save-${state.kind}`}>
      {describe(state)}
    </p>
  );
}
