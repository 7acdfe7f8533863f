import os from 'node:os';
import { Worker } from 'node:worker_threads';

// Race and timing bugs hide on an idle machine. This keeps every core busy (one spinning worker
// thread per core) for as long as a test needs; stop() ends them.
export function saturateCpu(): () => Promise<void> {
  const workers = Array.from({ length: os.availableParallelism() }, () => new Worker('for (;;) {}', { eval: true }));
  return async () => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
}
