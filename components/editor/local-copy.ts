import type { StoryDraft } from './types';

// Unsaved work kept in this browser, so that a lost connection, a crash or a reload never loses a
// word. Copies are kept per tab (two tabs on one story must not clear each other's unsaved text)
// and removed once the server has the edit. A copy left by a tab that went away is adopted by the
// next tab that opens the story. Copies belong to the person signed in: on a shared computer the
// next reporter never sees, or adopts, another's text, and signing out clears the person's copies.

export type LocalCopy = { storyId: string | null; baseVersion: number; draft: StoryDraft; savedAt: string };

const PREFIX = 'masthead:unsaved:';
const ORPHAN_AFTER_MS = 30_000;
// Set by the editor from the signed-in person; without it nothing is read or kept.
let owner: string | null = null;

export function setLocalCopyOwner(personId: string): void {
  owner = personId;
}

function tabId(): string {
  let id = window.sessionStorage.getItem('masthead:tab');
  if (!id) {
    id = Math.random().toString(36).slice(2, 10);
    window.sessionStorage.setItem('masthead:tab', id);
  }
  return id;
}

const personPrefix = (personId: string) => `${PREFIX}${personId}:`;
const storyPrefix = (storyId: string | null) => `${personPrefix(owner!)}${storyId ?? 'new'}:`;
const ownKey = (storyId: string | null) => `${storyPrefix(storyId)}${tabId()}`;

function parse(raw: string | null): LocalCopy | null {
  try {
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

/** This tab's unsaved copy of a story, or one another tab left behind. */
export function readLocalCopy(storyId: string | null): LocalCopy | null {
  if (!owner) return null;
  try {
    const own = parse(window.localStorage.getItem(ownKey(storyId)));
    if (own) return own;
    const prefix = storyPrefix(storyId);
    const orphans = Object.keys(window.localStorage)
      .filter((key) => key.startsWith(prefix))
      .map((key) => ({ key, copy: parse(window.localStorage.getItem(key)) }))
      .filter((o): o is { key: string; copy: LocalCopy } => o.copy !== null && Date.now() - Date.parse(o.copy.savedAt) > ORPHAN_AFTER_MS)
      .sort((a, b) => b.copy.savedAt.localeCompare(a.copy.savedAt));
    const adopted = orphans[0];
    if (!adopted) return null;
    window.localStorage.setItem(ownKey(storyId), JSON.stringify(adopted.copy));
    window.localStorage.removeItem(adopted.key);
    return adopted.copy;
  } catch {
    return null;
  }
}

export function writeLocalCopy(copy: LocalCopy): void {
  if (!owner) return;
  try {
    window.localStorage.setItem(ownKey(copy.storyId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the in-memory copy and the server save still stand.
  }
}

export function clearLocalCopy(storyId: string | null): void {
  if (!owner) return;
  try {
    window.localStorage.removeItem(ownKey(storyId));
  } catch {
    // nothing kept, nothing to clear
  }
}

/**
 * At sign-out: every copy this person kept in this browser, and any left by a version of the
 * editor that did not yet key copies by person (their owner cannot be told).
 */
export function clearLocalCopiesOf(personId: string): void {
  try {
    const legacy = /^masthead:unsaved:(new|c[a-z0-9]{20,})?:[a-z0-9]+$/;
    for (const key of Object.keys(window.localStorage)) {
      if (key.startsWith(personPrefix(personId)) || legacy.test(key)) window.localStorage.removeItem(key);
    }
  } catch {
    // storage disabled: nothing was kept
  }
}
