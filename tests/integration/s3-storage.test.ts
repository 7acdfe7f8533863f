import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LocalDiskStorage } from '@/lib/media/disk-storage';
import { copyMedia } from '@/lib/media/migrate';
import { S3Storage } from '@/lib/media/s3-storage';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy } from '../../scripts/lib/prisma-cli';
import { S3_KEYS, startLocalS3, type LocalS3 } from '../support/s3-server';

// The media store on an S3-compatible bucket, against a real S3 server on 127.0.0.1 (s3rver):
// what the disk store does, with the same keys; large files streamed; and `npm run media:migrate`.

let s3: LocalS3;
let bucket: S3Storage;
const folders: string[] = [];

const id = () => randomBytes(10).toString('hex');
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-media-test-'));
  folders.push(dir);
  return dir;
};
const storageFor = (server: LocalS3) => new S3Storage({ bucket: server.bucket, endpoint: server.endpoint, region: 'us-east-1', credentials: S3_KEYS, pathStyle: true });
async function allKeys(store: { keys(): AsyncIterable<string> }): Promise<string[]> {
  const keys: string[] = [];
  for await (const key of store.keys()) keys.push(key);
  return keys.sort();
}

/** A command run as a child that this process waits for without blocking: the S3 server answers from here. */
function script(args: string[], env: Record<string, string>) {
  return new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
    execFile(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', ...args], { env: { ...process.env, ...env }, encoding: 'utf8', timeout: 120_000 }, (error, stdout, stderr) =>
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  s3 = await startLocalS3();
  bucket = storageFor(s3);
});

afterAll(async () => {
  bucket.destroy();
  await s3.stop();
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

describe('the S3 media store', () => {
  it('puts, gets, lists and removes an upload’s files under the disk store’s keys', async () => {
    const upload = id();
    const small = randomBytes(2_000);
    const large = randomBytes(5_000);
    await bucket.put(`${upload}/320.webp`, small, 'image/webp');
    await bucket.put(`${upload}/1200.webp`, large, 'image/webp');
    const other = id();
    await bucket.put(`${other}/320.webp`, small, 'image/webp');

    expect(await bucket.get(`${upload}/320.webp`)).toEqual(small);
    expect(await bucket.get(`${upload}/1200.webp`)).toEqual(large);
    expect(await allKeys(bucket)).toEqual(expect.arrayContaining([`${upload}/320.webp`, `${upload}/1200.webp`, `${other}/320.webp`]));
    expect(await bucket.has(`${upload}/1200.webp`, large.byteLength)).toBe(true);
    expect(await bucket.has(`${upload}/1200.webp`, large.byteLength + 1)).toBe(false);

    await bucket.remove(upload);
    expect(await bucket.get(`${upload}/320.webp`)).toBeNull();
    expect(await bucket.open(`${upload}/1200.webp`)).toBeNull();
    // Another upload's files stay.
    expect(await bucket.get(`${other}/320.webp`)).toEqual(small);
  });

  it('answers null for a missing file, and refuses keys it did not make before asking the bucket', async () => {
    expect(await bucket.get(`${id()}/640.webp`)).toBeNull();
    expect(await bucket.open(`${id()}/640.webp`)).toBeNull();
    for (const key of ['../etc/passwd', `${id()}/640.png`, `${id()}/../640.webp`, '']) {
      await expect(bucket.get(key)).rejects.toThrow(/Invalid media key/);
      await expect(bucket.put(key, Buffer.from('x'), 'image/webp')).rejects.toThrow(/Invalid media key/);
    }
    await expect(bucket.remove('')).rejects.toThrow(/Invalid media prefix/);
    await expect(bucket.remove('a/b')).rejects.toThrow(/Invalid media prefix/);
  });

  it('streams a large file in pieces, with its size, rather than reading it whole', async () => {
    const key = `${id()}/2400.webp`;
    const data = randomBytes(12 * 1024 * 1024);
    await bucket.put(key, data, 'image/webp');
    const file = await bucket.open(key);
    expect(file?.size).toBe(data.byteLength);
    const chunks: Uint8Array[] = [];
    for await (const chunk of file!.body as unknown as AsyncIterable<Uint8Array>) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(Buffer.concat(chunks).equals(data)).toBe(true);
  });

  it('the disk store keeps the same contract (open streams with the size; missing → null)', async () => {
    const disk = new LocalDiskStorage(tempDir());
    const key = `${id()}/640.webp`;
    const data = randomBytes(3_000);
    await disk.put(key, data);
    const file = await disk.open(key);
    expect(file?.size).toBe(3_000);
    expect(Buffer.from(await new Response(file!.body).arrayBuffer()).equals(data)).toBe(true);
    expect(await disk.open(`${id()}/640.webp`)).toBeNull();
    expect(await allKeys(disk)).toEqual([key]);
  });
});

describe('copying a disk store into a bucket', () => {
  it('copies every rendition once; a second run finds them there and copies nothing', async () => {
    const server = await startLocalS3('masthead-migrate');
    const target = storageFor(server);
    try {
      const disk = new LocalDiskStorage(tempDir());
      const keys = Array.from({ length: 12 }, (_, i) => `${id()}/${320 * (1 + (i % 3))}.webp`).sort();
      for (const key of keys) await disk.put(key, randomBytes(500 + keys.indexOf(key)));
      expect(await copyMedia(disk, target)).toMatchObject({ copied: 12, skipped: 0 });
      expect(await allKeys(target)).toEqual(keys);
      for (const key of keys) expect((await target.get(key))?.equals((await disk.get(key))!)).toBe(true);
      expect(await copyMedia(disk, target)).toMatchObject({ copied: 0, skipped: 12 });
    } finally {
      target.destroy();
      await server.stop();
    }
  });

  it('`npm run media:migrate` copies the media folder into the configured bucket, and says what is missing when no bucket is set', async () => {
    const server = await startLocalS3('masthead-command');
    const target = storageFor(server);
    try {
      const dir = tempDir();
      const disk = new LocalDiskStorage(dir);
      const keys = [`${id()}/320.webp`, `${id()}/960.webp`].sort();
      for (const key of keys) await disk.put(key, randomBytes(700));
      const run = (env: Record<string, string>) => script(['scripts/media-migrate.ts'], { MASTHEAD_S3_BUCKET: '', MASTHEAD_MEDIA_DIR: dir, ...env });

      const missing = await run({});
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain('Set MASTHEAD_S3_BUCKET');

      const done = await run(server.env);
      expect(done.stderr).toBe('');
      expect(done.status).toBe(0);
      expect(done.stdout).toContain('Done: 2 files copied');
      expect(await allKeys(target)).toEqual(keys);
      expect((await run(server.env)).stdout).toContain('Done: 0 files copied (0.0 MiB), 2 already in the bucket.');
    } finally {
      target.destroy();
      await server.stop();
    }
  });

  it('`npm run db:backup` keeps the bucket’s media, and `db:restore` puts them into another bucket', { timeout: 120_000 }, async () => {
    const [from, to] = [await startLocalS3('masthead-backup-from'), await startLocalS3('masthead-backup-to')];
    const [source, target] = [storageFor(from), storageFor(to)];
    const scratch = `masthead_bucket_restore_${Date.now().toString(36)}`;
    await ensureDatabase(inject('adminUrl'), scratch);
    const scratchUrl = Object.assign(new URL(inject('adminUrl')), { pathname: `/${scratch}` }).toString();
    try {
      const keys = [`${id()}/320.webp`, `${id()}/640.webp`, `${id()}/960.webp`].sort();
      for (const key of keys) await source.put(key, randomBytes(900), 'image/webp');
      const out = path.join(tempDir(), 'backup');

      const backup = await script(['scripts/backup.ts', 'backup', '--out', out], from.env);
      expect(backup.stderr).toBe('');
      expect(backup.stdout).toContain('(3 files)');
      expect(backup.stdout).toMatch(/ and 3 media files to /);
      expect(await allKeys(new LocalDiskStorage(path.join(out, 'media')))).toEqual(keys);

      migrateDeploy(scratchUrl, true);
      const restore = await script(['scripts/backup.ts', 'restore', out], { ...to.env, DATABASE_URL: scratchUrl });
      expect(restore.stderr).toBe('');
      expect(restore.stdout).toContain('Copied 3 media files into the bucket "masthead-backup-to".');
      expect(await allKeys(target)).toEqual(keys);
      for (const key of keys) expect((await target.get(key))?.equals((await source.get(key))!)).toBe(true);
    } finally {
      source.destroy();
      target.destroy();
      await Promise.all([from.stop(), to.stop()]);
      await dropDatabase(inject('adminUrl'), scratch);
    }
  });
});
