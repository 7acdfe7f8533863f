'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { saveFrontDraftAction } from '@/lib/actions/front';
import type { SlotFills } from '@/lib/data/public-front';
import type { FrontLayout } from '@/lib/validations/front';

export type SaveState = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'error'; message: string; conflict: boolean };

/**
 * Saves the shared draft shortly after each change, one save at a time, each based on the version
 * the last one returned. `flush` waits for everything typed so far to be saved (before a preview
 * or a publication); `reset` starts again after the draft was published.
 */
export function useDraftSaver(initialVersion: number, onSaved: (fills: SlotFills) => void) {
  const version = useRef(initialVersion);
  const pending = useRef<FrontLayout | null>(null);
  const running = useRef<Promise<void> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const conflicted = useRef(false);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });

  const drain = useCallback(async (): Promise<void> => {
    while (pending.current) {
      const layout = pending.current;
      pending.current = null;
      setState({ kind: 'saving' });
      const result = await saveFrontDraftAction({ layout, baseVersion: version.current }).catch(() => ({ ok: false as const, message: 'The draft could not be saved: the connection failed. It will be saved with your next change.', conflict: false }));
      if (result.ok) {
        version.current = result.version;
        onSaved(result.fills);
        setState({ kind: 'saved' });
      } else {
        if (result.conflict) conflicted.current = true;
        else pending.current ??= layout; // kept, so the next change or flush retries it
        setState({ kind: 'error', message: result.message, conflict: result.conflict ?? false });
        return;
      }
    }
  }, [onSaved]);

  const start = useCallback(() => {
    running.current ??= drain().finally(() => {
      running.current = null;
    });
    return running.current;
  }, [drain]);

  const schedule = useCallback(
    (layout: FrontLayout) => {
      pending.current = layout;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void start(), 400);
    },
    [start],
  );

  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) clearTimeout(timer.current);
    if (running.current) await running.current;
    if (pending.current) await start();
    return pending.current === null && !conflicted.current;
  }, [start]);

  const reset = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    pending.current = null;
    version.current = 0;
    conflicted.current = false;
    setState({ kind: 'idle' });
  }, []);

  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);

  return { state, schedule, flush, reset };
}
