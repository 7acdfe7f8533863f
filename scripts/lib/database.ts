import path from 'node:path';
import { checkReachable, ensureDatabase, startEmbeddedPostgres } from './postgres';

export type Database = { url: string; embedded: boolean; stop: () => Promise<void> };

/**
 * The database Masthead runs on: the server named by DATABASE_URL if it is set (nothing is started),
 * else the embedded PostgreSQL with its data in <dataDir>/postgres, kept across restarts.
 */
export async function openDatabase(options: { dataDir: string; pgPort: number; log: (m: string) => void; stopOnSignals?: boolean }): Promise<Database> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await checkReachable(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedPostgres({
    dataDir: path.join(options.dataDir, 'postgres'),
    port: options.pgPort,
    persistent: true,
    log: options.log,
    stopOnSignals: options.stopOnSignals,
  });
  await ensureDatabase(server.adminUrl, 'masthead');
  return { url: server.urlFor('masthead'), embedded: true, stop: server.stop };
}
