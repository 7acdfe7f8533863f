import 'server-only';
import path from 'node:path';
import { env, type Env } from '@/lib/env';
import { LocalDiskStorage } from './disk-storage';
import { S3Storage } from './s3-storage';
import type { MediaStorage } from './store';

// Which store media files live in: the local disk (the default), or an S3-compatible bucket when
// MASTHEAD_S3_BUCKET is set, so that every instance of a newsroom serves every upload.

/** The disk folder media live in when no bucket is named (and what `npm run media:migrate` copies). */
export function mediaDirectory(config: Env = env()): string {
  return path.resolve(config.MASTHEAD_MEDIA_DIR ?? path.join(config.MASTHEAD_DATA_DIR, 'media'));
}

/** The bucket named by the environment; null when media stay on the disk. */
export function bucketStorage(config: Env = env()): S3Storage | null {
  if (!config.MASTHEAD_S3_BUCKET) return null;
  return new S3Storage({
    bucket: config.MASTHEAD_S3_BUCKET,
    endpoint: config.MASTHEAD_S3_ENDPOINT,
    region: config.MASTHEAD_S3_REGION,
    credentials:
      config.MASTHEAD_S3_ACCESS_KEY_ID && config.MASTHEAD_S3_SECRET_ACCESS_KEY
        ? { accessKeyId: config.MASTHEAD_S3_ACCESS_KEY_ID, secretAccessKey: config.MASTHEAD_S3_SECRET_ACCESS_KEY }
        : undefined,
    pathStyle: config.MASTHEAD_S3_PATH_STYLE ? config.MASTHEAD_S3_PATH_STYLE === '1' : config.MASTHEAD_S3_ENDPOINT !== undefined,
  });
}

let storage: MediaStorage | undefined;
export function mediaStorage(): MediaStorage {
  storage ??= bucketStorage() ?? new LocalDiskStorage(mediaDirectory());
  return storage;
}
