'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { clearLocalCopy, writeLocalCopy } from './local-copy';
import type { SaveState, ServerStory, StoryDraft } from './types';

const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 10_000;
const OFFLINE_RETRY_MS = 5000;

type Options = {
  storyId: string | null;
  version: number;
  getDraft: () => StoryDraft;
  onCreated: (id: string, slug: string) => void;
  applyDraft: (draft: StoryDraft) => void;
};

/**
 * Saves the story about a second after typing stops, and at least every ten seconds while typing.
 * Every save names the version it was based on; the server refuses stale ones (409), and then the
 * editor stops saving and asks the reporter what to do. Until the server has an edit, it is kept in
 * this browser.
 */
export function useAutosave({ storyId: initialId, version: initialVersion, getDraft, onCreated, applyDraft }: Options) {
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const storyId = useRef(initialId);
  const version = useRef(initialVersion);
  const edits = useRef(0);
  const savedEdits = useRef(0);
  const inFlight = useRef(false);
  // The id this editor gives the story it creates, made once (see createStory).
  const newStoryId = useRef<string | null>(null);
  const queued = useRef<{ kind: 'autosave' | 'manual'; label: string } | null>(null);
  const conflict = useRef(false);
  const offline = useRef(false);
  const firstUnsavedAt = useRef<number | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Timers call the latest save through this ref (a callback cannot name itself while being defined).
  const saveLater = useRef<(kind?: 'autosave' | 'manual', label?: string) => void>(() => {});

  const keepLocally = useCallback(() => {
    writeLocalCopy({ storyId: storyId.current, baseVersion: version.current, draft: getDraft(), savedAt: new Date().toISOString() });
  }, [getDraft]);

  const save = useCallback(
    async (kind: 'autosave' | 'manual' = 'autosave', label = ''): Promise<void> => {
      clearTimeout(timer.current);
      if (conflict.current) return;
      if (inFlight.current) {
        queued.current = kind === 'manual' ? { kind, label } : (queued.current ?? { kind, label });
        return;
      }
      const draft = getDraft();
      if (!draft.headline.trim()) {
        setState({ kind: 'idle', message: 'Add a headline to start saving. Until then your text is kept on this device.' });
        return;
      }
      inFlight.current = true;
      const sentEdits = edits.current;
      setState({ kind: 'saving' });
      try {
        const response = storyId.current
          ? await fetch(`/api/desk/stories/${storyId.current}`, {
              method: 'PUT',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify({ ...draft, baseVersion: version.current, kind, label }),
            })
          : await fetch('/api/desk/stories', {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              // The same id on every attempt: a retry after a lost answer finds the story it made.
              body: JSON.stringify({ ...draft, clientId: (newStoryId.current ??= newId()) }),
            });
        const data = await response.json().catch(() => ({}));
        offline.current = false;
        if (response.ok) {
          if (!storyId.current) {
            clearLocalCopy(null);
            storyId.current = data.id;
            onCreated(data.id, data.slug);
          }
          version.current = data.version;
          savedEdits.current = sentEdits;
          if (edits.current === sentEdits) {
            clearLocalCopy(storyId.current);
            firstUnsavedAt.current = null;
            setState({ kind: 'saved', at: new Date() });
          } else {
            keepLocally();
            setState({ kind: 'dirty' });
            timer.current = setTimeout(() => saveLater.current(), DEBOUNCE_MS);
          }
        } else if (response.status === 409 && data.current) {
          conflict.current = true;
          setState({ kind: 'conflict', theirs: data.current as ServerStory });
        } else {
          setState({ kind: 'error', message: data.error ?? `Saving failed (${response.status}).`, fieldErrors: data.fieldErrors });
        }
      } catch {
        offline.current = true;
        setState({ kind: 'offline' });
        timer.current = setTimeout(() => saveLater.current(), OFFLINE_RETRY_MS);
      } finally {
        inFlight.current = false;
        const next = queued.current;
        queued.current = null;
        if (next) setTimeout(() => saveLater.current(next.kind, next.label), 0);
      }
    },
    [getDraft, keepLocally, onCreated],
  );

  useEffect(() => {
    saveLater.current = (kind, label) => void save(kind, label);
  }, [save]);

  /** Call on every change: keeps the edit on the device and schedules a save. */
  const markDirty = useCallback(() => {
    edits.current++;
    firstUnsavedAt.current ??= Date.now();
    keepLocally();
    if (conflict.current) return;
    if (offline.current || !navigator.onLine) {
      offline.current = true;
      setState({ kind: 'offline' });
      return;
    }
    setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    clearTimeout(timer.current);
    const untilMaxWait = firstUnsavedAt.current + MAX_WAIT_MS - Date.now();
    timer.current = setTimeout(() => void save(), Math.max(0, Math.min(DEBOUNCE_MS, untilMaxWait)));
  }, [keepLocally, save]);

  /** Resolves a conflict. Every choice leaves both versions somewhere the reporter can find them. */
  const resolve = useCallback(
    async (choice: 'mine' | 'theirs' | 'copy-aside', theirs: ServerStory) => {
      const mine = getDraft();
      if (choice === 'copy-aside') {
        const response = await fetch(`/api/desk/stories/${theirs.id}/revisions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...mine, label: 'My version, kept aside after a conflict' }),
        });
        if (!response.ok) {
          const data = await response.json().catch(() => ({}));
          setState({ kind: 'error', message: data.error ?? 'Could not keep your version aside; it is still on this device.' });
          return;
        }
      }
      conflict.current = false;
      version.current = theirs.version;
      if (choice === 'mine') {
        await save('manual', 'Kept my version after a conflict');
        return;
      }
      applyDraft(theirs);
      savedEdits.current = edits.current;
      clearLocalCopy(theirs.id);
      setState({ kind: 'saved', at: new Date(theirs.updatedAt) });
    },
    [applyDraft, getDraft, save],
  );

  useEffect(() => {
    const online = () => {
      offline.current = false;
      if (edits.current !== savedEdits.current) void save();
    };
    const goOffline = () => {
      offline.current = true;
      if (edits.current !== savedEdits.current) setState({ kind: 'offline' });
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (edits.current !== savedEdits.current || inFlight.current) event.preventDefault();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', goOffline);
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      window.removeEventListener('online', online);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('beforeunload', beforeUnload);
      clearTimeout(timer.current);
    };
  }, [save]);

  /** Shows a conflict found before any save, e.g. a local copy based on an older version. */
  const showConflict = useCallback((theirs: ServerStory) => {
    conflict.current = true;
    setState({ kind: 'conflict', theirs });
  }, []);

  /** Saves whatever is pending; the version that is then current, or null if it could not be saved. */
  const flush = useCallback(async (): Promise<number | null> => {
    while (inFlight.current) await new Promise((r) => setTimeout(r, 50));
    if (edits.current !== savedEdits.current) await save('autosave');
    while (inFlight.current) await new Promise((r) => setTimeout(r, 50));
    if (conflict.current || edits.current !== savedEdits.current) return null;
    return version.current;
  }, [save]);

  return { state, save, markDirty, resolve, showConflict, flush };
}

/**
 * A new story's id, made here: "c" and 24 random base-36 characters, the shape of the ids the server
 * makes (cuid), so that every story address looks alike. crypto.getRandomValues works everywhere
 * (crypto.randomUUID only on https and localhost).
 */
function newId(): string {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  // 252 is the largest multiple of 36 under 256: bytes above it are dropped so every character is equally likely.
  const chars: string[] = [];
  while (chars.length < 24) {
    for (const byte of crypto.getRandomValues(new Uint8Array(32))) if (byte < 252 && chars.length < 24) chars.push(alphabet[byte % 36]!);
  }
  return `c${chars.join('')}`;
}
