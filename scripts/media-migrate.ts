import { EnvError, parseEnv } from '@/lib/env';
import { LocalDiskStorage } from '@/lib/media/disk-storage';
import { copyMedia } from '@/lib/media/migrate';
import { bucketStorage, mediaDirectory } from '@/lib/media/storage';
import { loadProjectEnv } from './lib/load-env';

// `npm run media:migrate`: copies the media folder (MASTHEAD_MEDIA_DIR, or the data directory's
// media/) into the bucket named by MASTHEAD_S3_BUCKET, with the same keys. Safe to run again:
// what is already there is skipped. Then start every instance with the MASTHEAD_S3_* settings.

const log = (msg: string) => console.log(`[masthead] ${msg}`);

async function main() {
  loadProjectEnv(process.env.NODE_ENV !== 'production');
  const env = parseEnv();
  const bucket = bucketStorage(env);
  if (!bucket) throw new Error('Set MASTHEAD_S3_BUCKET (and MASTHEAD_S3_ENDPOINT and keys for a server other than AWS) to name the bucket to copy into.');
  const from = mediaDirectory(env);
  log(`Copying ${from} into the bucket "${bucket.bucket}"…`);
  const tty = process.stdout.isTTY;
  const report = await copyMedia(new LocalDiskStorage(from), bucket, (r) => {
    if (tty) process.stdout.write(`\r  ${r.copied} copied, ${r.skipped} already there`);
  });
  if (tty) process.stdout.write('\n');
  log(`Done: ${report.copied} files copied (${(report.bytes / 1024 / 1024).toFixed(1)} MiB), ${report.skipped} already in the bucket.`);
  bucket.destroy();
}

main().catch((error: unknown) => {
  console.error(`[masthead] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
