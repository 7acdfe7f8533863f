import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import S3rver from 's3rver';

// A real S3-compatible server (s3rver, which answers the S3 REST API from a folder) on
// 127.0.0.1, with one bucket, for the media store's tests. Its fixed keys are what it accepts
// for signed requests.

export const S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export type LocalS3 = { endpoint: string; bucket: string; directory: string; env: Record<string, string>; stop: () => Promise<void> };

export async function startLocalS3(bucket = 'masthead-media'): Promise<LocalS3> {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'masthead-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket, configs: [] }] });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    directory,
    env: { MASTHEAD_S3_BUCKET: bucket, MASTHEAD_S3_ENDPOINT: endpoint, MASTHEAD_S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId, MASTHEAD_S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey },
    stop: async () => {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}
