import type { StoryDraft } from './types';

// Unsaved work kept in this browser, so that a lost connection, a crash or a reload never loses a
// word. One entry per story ("new" before the first save), removed once the server has it.

export type LocalCopy = { storyId: string | null; baseVersion: number; draft: StoryDraft; savedAt: string };

const key = (storyId: string | null) => `masthead:unsaved:${storyId ?? 'new'}`;

export function readLocalCopy(storyId: string | null): LocalCopy | null {
  try {
    const raw = window.localStorage.getItem(key(storyId));
    return raw ? (JSON.parse(raw) as LocalCopy) : null;
  } catch {
    return null;
  }
}

export function writeLocalCopy(copy: LocalCopy): void {
  try {
    window.localStorage.setItem(key(copy.storyId), JSON.stringify(copy));
  } catch {
    // Storage full or disabled: the in-memory copy and the server save still stand.
  }
}

export function clearLocalCopy(storyId: string | null): void {
  window.localStorage.removeItem(key(storyId));
}
