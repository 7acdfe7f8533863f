import { newId } from '@/lib/ids';
import { clearLocalCopy, writeLocalCopy } from './local-copy';
import { withoutShared } from './use-shared-fields';
import type { SaveState, ServerStory, StoryDraft } from './types';

const DEBOUNCE_MS = 1000;
const MAX_WAIT_MS = 10_000;
const OFFLINE_RETRY_MS = 5000;
// The copy kept on the device is written this long after a change, not on every key press: a long
// story is hundreds of kilobytes to serialise. Leaving the page writes it at once.
const LOCAL_COPY_MS = 250;

/** What the loop asks of the editor around it; replaced as the editor re-renders. */
export type SaveHost = {
  getDraft: () => StoryDraft;
  onCreated: (id: string, slug: string) => void;
  applyDraft: (draft: StoryDraft) => void;
  /** Written together: the body and text fields are the shared document's to save, not the loop's. */
  shared?: boolean;
};

type Pending = { kind: 'autosave' | 'manual'; label: string };

/**
 * The save loop, as a small state machine outside React: saves the story about a second after
 * typing stops, and at least every ten seconds while typing. Every save names the version it was
 * based on; the server refuses stale ones (409), and then the loop stops and the reporter decides
 * (resolve). Until the server has an edit, it is kept in this browser. React reads `state` through
 * subscribe/getState; everything else is the loop's own bookkeeping.
 */
export class SaveLoop {
  private state: SaveState = { kind: 'idle' };
  private readonly listeners = new Set<() => void>();
  private host: SaveHost = { getDraft: () => ({}) as StoryDraft, onCreated: () => {}, applyDraft: () => {} };
  private edits = 0;
  private savedEdits = 0;
  private inFlight = false;
  private queued: Pending | null = null;
  private conflict = false;
  private offline = false;
  private firstUnsavedAt: number | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private localTimer: ReturnType<typeof setTimeout> | undefined;
  // The id this editor gives the story it creates, made once (see createStory).
  private newStoryId: string | null = null;
  // A new story changing over to its shared document: see joinShared.
  private joining = false;

  constructor(
    private storyId: string | null,
    private version: number,
    /** Stores of edits made in the shared document when this editor's body was loaded (Story.docSeq). */
    private docSeq: number,
    /** What the first save creates: a story, or a live blog (New live blog on the desk). */
    private readonly format: 'STORY' | 'LIVE' = 'STORY',
  ) {}

  setHost(host: SaveHost): void {
    this.host = host;
  }

  /**
   * A new story starts changing over to its shared document (use-join-shared.ts): from this moment
   * its body and text fields are the document's to save, even before the editor re-renders as
   * shared. A body saved from here would race the document's own store of the same text and be
   * refused as stale.
   */
  joinShared = (): void => {
    this.joining = true;
  };

  private get shared(): boolean {
    return this.joining || this.host.shared === true;
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getState = (): SaveState => this.state;

  private set(state: SaveState): void {
    this.state = state;
    for (const listener of this.listeners) listener();
  }

  private keepLocally(): void {
    clearTimeout(this.localTimer);
    this.localTimer = undefined;
    const draft = this.host.getDraft();
    // Written together, the device keeps the shared document itself (shared-local-copy.ts).
    writeLocalCopy({ storyId: this.storyId, baseVersion: this.version, draft: (this.shared ? withoutShared(draft) : draft) as StoryDraft, savedAt: new Date().toISOString() });
  }

  private get unsaved(): boolean {
    return this.edits !== this.savedEdits;
  }

  save = async (kind: 'autosave' | 'manual' = 'autosave', label = ''): Promise<void> => {
    clearTimeout(this.timer);
    if (this.conflict) return;
    // A timer can outlive the edit it was set for (a save in flight took it along): nothing to send.
    if (kind === 'autosave' && this.storyId && !this.unsaved && !this.inFlight) return;
    if (this.inFlight) {
      this.queued = kind === 'manual' ? { kind, label } : (this.queued ?? { kind, label });
      return;
    }
    const draft = this.host.getDraft();
    if (!this.shared && !draft.headline.trim()) {
      this.set({ kind: 'idle', message: 'Add a headline to start saving. Until then your text is kept on this device.' });
      return;
    }
    this.inFlight = true;
    const sentEdits = this.edits;
    this.set({ kind: 'saving' });
    try {
      const response = this.storyId
        ? await fetch(`/api/desk/stories/${this.storyId}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            // Written together, the save is of the metadata: the body and text fields are the shared document's.
            body: JSON.stringify({ ...(this.shared ? withoutShared(draft) : { ...draft, baseDocSeq: this.docSeq }), baseVersion: this.version, kind, label }),
          })
        : await fetch('/api/desk/stories', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            // The same id on every attempt: a retry after a lost answer finds the story it made.
            body: JSON.stringify({ ...draft, clientId: (this.newStoryId ??= newId()), ...(this.format === 'LIVE' ? { format: 'LIVE' } : {}) }),
          });
      const data = await response.json().catch(() => ({}));
      this.offline = false;
      if (response.ok) this.saved(data, sentEdits);
      else if (response.status === 409 && data.current) {
        this.conflict = true;
        this.set({ kind: 'conflict', theirs: data.current as ServerStory });
      } else {
        // A 403 on a story this person could edit means it left their hands: the text stays on this
        // device (kept on every edit) and the editor offers it back.
        const stranded = response.status === 403 && this.storyId !== null;
        const message = stranded ? 'this story has left your hands; your text is kept on this device.' : (data.error ?? `Saving failed (${response.status}).`);
        this.set({ kind: 'error', message, fieldErrors: data.fieldErrors, stranded });
      }
    } catch {
      this.offline = true;
      this.set({ kind: 'offline' });
      this.timer = setTimeout(() => void this.save(), OFFLINE_RETRY_MS);
    } finally {
      this.inFlight = false;
      const next = this.queued;
      this.queued = null;
      if (next) setTimeout(() => void this.save(next.kind, next.label), 0);
    }
  };

  private saved(data: { id: string; slug: string; version: number; docSeq?: number }, sentEdits: number): void {
    if (!this.storyId) {
      clearLocalCopy(null);
      this.storyId = data.id;
      this.host.onCreated(data.id, data.slug);
    }
    this.version = data.version;
    this.docSeq = data.docSeq ?? this.docSeq;
    this.savedEdits = sentEdits;
    if (!this.unsaved) {
      clearTimeout(this.localTimer);
      this.localTimer = undefined;
      clearLocalCopy(this.storyId);
      this.firstUnsavedAt = null;
      this.set({ kind: 'saved', at: new Date() });
    } else {
      this.keepLocally();
      this.set({ kind: 'dirty' });
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.save(), DEBOUNCE_MS);
    }
  }

  /** Call on every change: keeps the edit on the device and schedules a save. */
  markDirty = (): void => {
    this.edits++;
    this.firstUnsavedAt ??= Date.now();
    this.localTimer ??= setTimeout(() => this.keepLocally(), LOCAL_COPY_MS);
    if (this.conflict) return;
    if (this.offline || !navigator.onLine) {
      this.offline = true;
      this.set({ kind: 'offline' });
      return;
    }
    if (this.state.kind !== 'saving') this.set({ kind: 'dirty' });
    clearTimeout(this.timer);
    const untilMaxWait = this.firstUnsavedAt + MAX_WAIT_MS - Date.now();
    this.timer = setTimeout(() => void this.save(), Math.max(0, Math.min(DEBOUNCE_MS, untilMaxWait)));
  };

  /**
   * Resolves a conflict. "mine" saves this version over theirs; "copy-aside" keeps this version as
   * a revision in the story's history, then takes theirs; "theirs" takes theirs and drops what was
   * typed here.
   */
  resolve = async (choice: 'mine' | 'theirs' | 'copy-aside', theirs: ServerStory): Promise<void> => {
    const mine = this.host.getDraft();
    if (choice === 'copy-aside') {
      const response = await fetch(`/api/desk/stories/${theirs.id}/revisions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...mine, label: 'My version, kept aside after a conflict' }),
      });
      if (!response.ok) {
        const data = await response.json().catch(() => ({}));
        this.set({ kind: 'error', message: data.error ?? 'Could not keep your version aside; it is still on this device.' });
        return;
      }
    }
    this.conflict = false;
    this.version = theirs.version;
    this.docSeq = theirs.docSeq ?? this.docSeq;
    if (choice === 'mine') return this.save('manual', 'Kept my version after a conflict');
    this.host.applyDraft(theirs);
    this.savedEdits = this.edits;
    clearLocalCopy(theirs.id);
    this.set({ kind: 'saved', at: new Date(theirs.updatedAt) });
  };

  /** Shows a conflict found before any save, e.g. a local copy based on an older version. */
  showConflict = (theirs: ServerStory): void => {
    this.conflict = true;
    this.set({ kind: 'conflict', theirs });
  };

  /** Saves whatever is pending; the version that is then current, or null if it could not be saved. */
  flush = async (): Promise<number | null> => {
    while (this.inFlight) await new Promise((r) => setTimeout(r, 50));
    if (this.unsaved) await this.save('autosave');
    while (this.inFlight) await new Promise((r) => setTimeout(r, 50));
    if (this.conflict || this.unsaved) return null;
    return this.version;
  };

  /** Follows the browser going offline and online, and warns before leaving with unsaved work. */
  attach(): () => void {
    const online = () => {
      this.offline = false;
      if (this.unsaved) void this.save();
    };
    const goOffline = () => {
      this.offline = true;
      if (this.unsaved) this.set({ kind: 'offline' });
    };
    const beforeUnload = (event: BeforeUnloadEvent) => {
      if (this.localTimer !== undefined) this.keepLocally();
      if (this.unsaved || this.inFlight) event.preventDefault();
    };
    // Closing, reloading or leaving the tab (a phone may then end it): the last keys go to the device now.
    const leaving = () => {
      if (this.localTimer !== undefined) this.keepLocally();
    };
    const hidden = () => {
      if (document.visibilityState === 'hidden') leaving();
    };
    window.addEventListener('online', online);
    window.addEventListener('offline', goOffline);
    window.addEventListener('beforeunload', beforeUnload);
    window.addEventListener('pagehide', leaving);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      leaving();
      window.removeEventListener('online', online);
      window.removeEventListener('offline', goOffline);
      window.removeEventListener('beforeunload', beforeUnload);
      window.removeEventListener('pagehide', leaving);
      document.removeEventListener('visibilitychange', hidden);
      clearTimeout(this.timer);
    };
  }
}
