// At most a few password hashes at a time (each argon2 hash takes 19 MiB and a core for tens of
// milliseconds). Further requests wait their turn; past a bounded queue they are refused, so a
// flood of sign-in attempts costs memory and CPU that we chose, not what the flood chose.

export const MAX_CONCURRENT_HASHES = 2;
export const MAX_WAITING_HASHES = 64;

export class HashGateBusyError extends Error {
  constructor() {
    super('Too many sign-ins at once; try again in a moment.');
  }
}

type Gate = { active: number; waiting: (() => void)[]; started: number; peak: number };
const globalForGate = globalThis as unknown as { hashGate?: Gate };
const gate = (globalForGate.hashGate ??= { active: 0, waiting: [], started: 0, peak: 0 });

export async function withHashSlot<T>(work: () => Promise<T>): Promise<T> {
  if (gate.active < MAX_CONCURRENT_HASHES) gate.active++;
  else if (gate.waiting.length >= MAX_WAITING_HASHES) throw new HashGateBusyError();
  // A finished hash hands its slot straight to the next in line (active stays counted), so a new
  // arrival can never slip in between and push the count over the limit.
  else await new Promise<void>((resolve) => gate.waiting.push(resolve));
  gate.started++;
  gate.peak = Math.max(gate.peak, gate.active);
  try {
    return await work();
  } finally {
    const next = gate.waiting.shift();
    if (next) next();
    else gate.active--;
  }
}

/** How many hashes have run, and the most at once: lets tests prove what a request cost. */
export function hashGateStats(): { started: number; peak: number; active: number; waiting: number } {
  return { started: gate.started, peak: gate.peak, active: gate.active, waiting: gate.waiting.length };
}
