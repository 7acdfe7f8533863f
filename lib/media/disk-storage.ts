import { createReadStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { assertKey, assertPrefix, KEY_PATTERN, type MediaStorage, type StoredFile } from './store';

/** Media as files under one folder, "<media id>/<width>.webp": the default, for one machine. */
export class LocalDiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  private file(key: string): string {
    assertKey(key);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer, _contentType = 'image/webp'): Promise<void> {
    const file = this.file(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside and renamed into place: a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    await writeFile(partial, data);
    await rename(partial, file);
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.file(key));
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async open(key: string): Promise<StoredFile | null> {
    const file = this.file(key);
    try {
      const { size } = await stat(file);
      return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size };
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
  }

  async has(key: string, size: number): Promise<boolean> {
    try {
      return (await stat(this.file(key))).size === size;
    } catch (error) {
      if (isMissing(error)) return false;
      throw error;
    }
  }

  async remove(prefix: string): Promise<void> {
    assertPrefix(prefix);
    await rm(path.join(this.root, prefix), { recursive: true, force: true });
  }

  async *keys(): AsyncIterable<string> {
    let folders: string[];
    try {
      folders = await readdir(this.root);
    } catch (error) {
      if (isMissing(error)) return;
      throw error;
    }
    for (const folder of folders) {
      let files: string[];
      try {
        files = await readdir(path.join(this.root, folder));
      } catch {
        continue; // A stray file at the top, not an upload's folder.
      }
      for (const name of files) if (KEY_PATTERN.test(`${folder}/${name}`)) yield `${folder}/${name}`;
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}
