import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { EnvError, parseEnv } from '@/lib/env';
import { LocalDiskStorage } from '@/lib/media/disk-storage';
import { copyMedia } from '@/lib/media/migrate';
import { bucketStorage, mediaDirectory } from '@/lib/media/storage';
import { backupDatabase, restoreDatabase } from './lib/backup';
import { openDatabase, type Database } from './lib/database';
import { loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run db:backup [-- --out DIR]` and `npm run db:restore -- DIR`: the database named by
// DATABASE_URL, or the embedded one (reached where it runs if `npm start` has it open, else started
// for the purpose), together with the media folder, or the bucket's media (MASTHEAD_S3_BUCKET),
// which pass through a folder of their own on the way. See scripts/lib/backup.ts for what is kept.

const log = (msg: string) => console.log(`[masthead] ${msg}`);

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (command !== 'backup' && command !== 'restore') throw new Error('Usage: tsx scripts/backup.ts backup [--out DIR] | restore DIR');
  loadProjectEnv(true);
  const env = parseEnv();
  const bucket = bucketStorage(env);
  const staging = bucket ? mkdtempSync(path.join(os.tmpdir(), 'masthead-media-')) : null;
  const mediaDir = staging ?? mediaDirectory(env);
  // The embedded database is shared with a running `npm start`, or started for the purpose.
  const database: Database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log });
  const url = database.url;
  try {
    if (command === 'backup') {
      const outAt = args.indexOf('--out');
      const out = path.resolve(outAt >= 0 && args[outAt + 1] ? args[outAt + 1]! : path.join('backups', `masthead-${new Date().toISOString().replace(/[:.]/g, '-')}`));
      if (bucket) log(`Copying the media of the bucket "${bucket.bucket}"… (${(await copyMedia(bucket, new LocalDiskStorage(mediaDir))).copied} files)`);
      const manifest = await backupDatabase(url, mediaDir, out);
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      log(`Backed up ${rows.toLocaleString('en')} rows in ${manifest.tables.length} tables and ${manifest.mediaFiles} media files to ${path.relative(process.cwd(), out) || out}.`);
    } else {
      const from = args[0];
      if (!from) throw new Error('Name the backup folder: npm run db:restore -- backups/masthead-…');
      migrateDeploy(url, true);
      const manifest = await restoreDatabase(url, mediaDir, path.resolve(from));
      if (bucket) log(`Copied ${(await copyMedia(new LocalDiskStorage(mediaDir), bucket)).copied} media files into the bucket "${bucket.bucket}".`);
      log(`Restored the backup of ${manifest.createdAt}: ${manifest.tables.reduce((sum, t) => sum + t.rows, 0).toLocaleString('en')} rows and ${manifest.mediaFiles} media files.`);
    }
  } finally {
    await database.stop();
    bucket?.destroy();
    if (staging) rmSync(staging, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`[masthead] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
