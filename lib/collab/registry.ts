import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';

// The running collaboration server of this process, on globalThis: instrumentation.ts starts it in
// one bundle, the workflow steps (another bundle) and scripts/server.ts (no bundle) reach it here.

export type RunningCollab = {
  upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  storeNow: (storyId: string) => Promise<void>;
  documentCount: () => number;
  /** Stops taking connections and closes them; `store` first writes every open document. */
  stop: (options: { store: boolean }) => Promise<void>;
};

const holder = globalThis as unknown as { __mastheadCollab?: RunningCollab };

export const runningCollab = (): RunningCollab | undefined => holder.__mastheadCollab;

export function setRunningCollab(running: RunningCollab | undefined): void {
  holder.__mastheadCollab = running;
}

/** Writes the story's open shared document to Story.body now, if this process holds it open. */
export async function storeSharedBody(storyId: string): Promise<void> {
  await holder.__mastheadCollab?.storeNow(storyId);
}
