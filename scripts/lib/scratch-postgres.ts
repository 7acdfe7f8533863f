import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres, type RunningPostgres } from './postgres';

/** A throwaway PostgreSQL in a temporary directory, removed again by stop(). */
export async function startScratchPostgres(port = 55432): Promise<RunningPostgres> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-pg-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user when we are root

  const server = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), port, persistent: false });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
