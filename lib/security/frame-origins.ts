// The origins public pages may frame: the enabled embed providers' players, which a card frames
// only after a reader presses play. The app keeps the list current (lib/data/embed-providers.ts,
// at start and whenever any instance changes the providers' settings); scripts/server.ts writes
// it into the public Content-Security-Policy. Kept on globalThis because the two are separate
// bundles in one process. Until the app has read it, nothing may be framed.

const holder = globalThis as unknown as { __mastheadFrameOrigins?: readonly string[] };
const NONE: readonly string[] = Object.freeze([]);

/** Replaces the list (the same list object while nothing changes, so readers can compare it). */
export function setFrameOrigins(origins: readonly string[]): void {
  const now = holder.__mastheadFrameOrigins ?? NONE;
  if (now.length === origins.length && now.every((o, i) => o === origins[i])) return;
  holder.__mastheadFrameOrigins = Object.freeze([...origins]);
}

export function frameOrigins(): readonly string[] {
  return holder.__mastheadFrameOrigins ?? NONE;
}
