import type { MediaStorage } from './store';

export type MigrationReport = { copied: number; skipped: number; bytes: number };

/**
 * Copies every rendition of one store into another (a disk folder into a bucket, a bucket into a
 * backup's folder), a few at a time. A file already there with the same size is skipped, so a
 * copy can be run again after an interruption, and again just before switching over to catch
 * uploads made meanwhile.
 */
export async function copyMedia(from: MediaStorage, to: MediaStorage, onFile?: (report: MigrationReport) => void): Promise<MigrationReport> {
  const report: MigrationReport = { copied: 0, skipped: 0, bytes: 0 };
  const running = new Set<Promise<void>>();
  const copy = async (key: string) => {
    const data = await from.get(key);
    if (!data) return; // Removed since it was listed.
    if (await to.has(key, data.byteLength)) report.skipped++;
    else {
      await to.put(key, data, 'image/webp');
      report.copied++;
      report.bytes += data.byteLength;
    }
    onFile?.(report);
  };
  for await (const key of from.keys()) {
    const task = copy(key).finally(() => running.delete(task));
    running.add(task);
    if (running.size >= 8) await Promise.race(running);
  }
  await Promise.all(running);
  return report;
}
