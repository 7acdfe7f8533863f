'use client';

import { useEffect, useState, useSyncExternalStore } from 'react';
import { SaveLoop, type SaveHost } from './save-loop';

/**
 * The save loop (save-loop.ts) for one editor: made once, given the editor's latest callbacks after
 * each render, attached to the window while mounted. Its methods keep their identity for the
 * editor's lifetime, so they can be called from anywhere in the editor, before or after it renders.
 */
export function useAutosave(story: { id: string | null; version: number; docSeq?: number }, format: 'STORY' | 'LIVE' = 'STORY') {
  const [loop] = useState(() => new SaveLoop(story.id, story.version, story.docSeq ?? 0, format));
  useEffect(() => loop.attach(), [loop]);
  const state = useSyncExternalStore(loop.subscribe, loop.getState, loop.getState);
  return {
    state,
    /** Hands the loop the editor's current callbacks; call in an effect. */
    setHost: (host: SaveHost) => loop.setHost(host),
    save: loop.save,
    markDirty: loop.markDirty,
    resolve: loop.resolve,
    showConflict: loop.showConflict,
    flush: loop.flush,
    joinShared: loop.joinShared,
  };
}
