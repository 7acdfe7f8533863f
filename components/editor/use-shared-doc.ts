'use client';

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';
import * as Y from 'yjs';
import { COLLAB_PATH, docName } from '@/lib/collab/names';
import { UnstoredDeletions, type StoredNote } from '@/lib/collab/stored-note';
import { batchIncomingEdits } from '@/lib/editor/batched-updates';
import { clearKept, keptAside, mergeKept, readKept, writeKept } from './shared-local-copy';

// The browser's side of writing together: one Yjs document per open story, kept in step with the
// server's through Hocuspocus. The editor binds to it once it has synced; when it cannot connect
// (a proxy that refuses WebSockets), the story is edited with version-checked autosave.

// A refused line closes at once: the second close before the first sync settles it. A slow one
// (a busy server took over six seconds to answer in a CI run) is waited for: giving up on it would
// leave the page saving alone, and text kept on this device from an earlier visit unmerged.
const CLOSES_BEFORE_GIVING_UP = 2;
const SILENT_LIMIT_MS = 20_000;
// Edits the server has not stored are written to the device this long after a change (a long
// story is hundreds of kilobytes to serialise), and at once when the page is left.
const KEEP_MS = 250;

export type SharedDoc = { ydoc: Y.Doc; provider: HocuspocusProvider };

/** A restore of a revision made while the story is open: who, when, and the version's time. */
export type Restore = { by: string; at: string; from: string };

/** Asks the server to undo the last restore, for everyone. */
export const undoRestore = (shared: SharedDoc) => shared.provider.sendStateless(JSON.stringify({ undoRestore: true }));

/** Where the document stands with the server, for the save status. */
export type SharedState =
  | { kind: 'connecting' }
  // The editor is bound to the document; `stored` when all of this browser's edits are in Story.body.
  // `refused`: the server stopped letting this person in (session ended, rights changed).
  // `aside`: text typed here earlier that could not be merged (see shared-local-copy.ts), to show.
  // `restore`: someone restored a revision, which anyone in the story may undo; `restoreSaid`: what became of it.
  | { kind: 'ready'; stored: boolean; connected: boolean; readOnly: boolean; storedAt: Date | null; refused: string | null; aside: string | null; restore: Restore | null; restoreSaid: string | null }
  | { kind: 'unavailable'; reason: string };

type Ready = Extract<SharedState, { kind: 'ready' }>;
/** `next`, or `current` itself when it already says the same (React then skips the render). */
function sameReady(current: SharedState, next: Ready): SharedState {
  if (current.kind !== 'ready') return next;
  const same = (Object.keys(next) as (keyof Ready)[]).every((key) => current[key] === next[key]);
  return same ? current : next;
}

export function useSharedDoc(storyId: string | null, viewerId: string, user: { name: string; color: string }): { doc: SharedDoc | null; state: SharedState } {
  const [doc, setDoc] = useState<SharedDoc | null>(null);
  const [state, setState] = useState<SharedState>({ kind: 'connecting' });

  useEffect(() => {
    if (!storyId) return;
    const ydoc = new Y.Doc();
    let synced = false;
    let connected = false;
    let readOnly = false;
    let stored = true;
    let storedAt: Date | null = null;
    let refused: string | null = null;
    let aside = keptAside(viewerId, storyId);
    let restore: Restore | null = null;
    let restoreSaid: string | null = null;
    // Called on every key press here: the page renders again only when something in it changed.
    const report = () => setState((current) => sameReady(current, { kind: 'ready', stored, connected, readOnly, storedAt, refused, aside, restore, restoreSaid }));
    let closes = 0;
    let gaveUp = false;
    const giveUp = () => {
      if (synced || gaveUp) return;
      gaveUp = true;
      setState({ kind: 'unavailable', reason: 'the connection for writing together could not be opened' });
      provider.destroy();
      socket.destroy();
    };
    // Edits not yet stored, kept on the device under every client id this browser wrote them with.
    const kept = readKept(viewerId, storyId);
    const mine = new Set([...(kept?.clients ?? []), ydoc.clientID]);
    const unstored = new UnstoredDeletions();
    let keepTimer: ReturnType<typeof setTimeout> | undefined;
    const keepNow = () => {
      clearTimeout(keepTimer);
      keepTimer = undefined;
      writeKept(viewerId, storyId, ydoc, mine);
    };
    const leaving = () => {
      if (keepTimer !== undefined) keepNow();
    };
    const socket = new HocuspocusProviderWebsocket({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}${COLLAB_PATH}`,
      // After a restart of the server, back within seconds rather than half a minute.
      delay: 500,
      minDelay: 250,
      maxDelay: 4_000,
    });
    const provider = new HocuspocusProvider({
      websocketProvider: socket,
      name: docName(storyId),
      document: ydoc,
      // The session cookie authenticates the socket; Hocuspocus wants a token to send all the same.
      token: 'session-cookie',
      onAuthenticated: ({ scope }) => {
        readOnly = scope === 'readonly';
        refused = null;
        if (synced) report();
      },
      onAuthenticationFailed: ({ reason }) => {
        if (!synced) return setState({ kind: 'unavailable', reason: reason || 'the server refused the connection' });
        // Let in before, refused now: what is on the screen stays, read-only.
        readOnly = true;
        refused = 'You can no longer edit this story here: your session ended or your rights changed. Reload the page.';
        report();
      },
      onSynced: () => {
        connected = true;
        if (!synced) {
          synced = true;
          // What this browser kept from an earlier visit joins the document before the editor shows it.
          if (kept) {
            const result = mergeKept(viewerId, storyId, ydoc, kept);
            if (!result.merged) aside = result.text;
          }
          setDoc({ ydoc, provider });
        }
        report();
      },
      onStatus: ({ status }) => {
        connected = status === 'connected' && synced;
        if (synced) return report();
        if (status === 'disconnected' && ++closes >= CLOSES_BEFORE_GIVING_UP) giveUp();
      },
      onStateless: ({ payload }) => {
        const message = JSON.parse(payload) as Partial<StoredNote> & { restored?: Restore; restoreUndone?: { by: string } | null };
        if (message.restored) {
          [restore, restoreSaid] = [message.restored, null];
          return report();
        }
        if (message.restoreUndone !== undefined) {
          restore = null;
          restoreSaid = message.restoreUndone ? `${message.restoreUndone.by} undid the restore.` : 'That restore can no longer be undone here: restore an earlier version from History.';
          return report();
        }
        if (!message.stored || !message.snapshot) return;
        stored = unstored.heldBy(ydoc, message.snapshot, mine);
        if (stored) {
          storedAt = new Date(message.stored);
          clearTimeout(keepTimer);
          keepTimer = undefined;
          clearKept(viewerId, storyId);
        }
        report();
      },
    });
    // Edits from others go into the document once per frame (see batched-updates.ts).
    const unbatch = batchIncomingEdits(provider);
    provider.attach();
    provider.setAwarenessField('user', user);
    const onLocalChange = (_update: Uint8Array, origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
      if (origin === provider || !synced) return;
      unstored.note(transaction);
      stored = false;
      keepTimer ??= setTimeout(keepNow, KEEP_MS);
      report();
    };
    ydoc.on('update', onLocalChange);
    const hidden = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', hidden);
    const timeout = setTimeout(giveUp, SILENT_LIMIT_MS);
    return () => {
      clearTimeout(timeout);
      leaving();
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', hidden);
      ydoc.off('update', onLocalChange);
      unbatch();
      provider.destroy();
      socket.destroy();
      ydoc.destroy();
      setDoc(null);
    };
    // The user's name and colour are set once per connection.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [storyId]);

  return { doc, state };
}
