import 'server-only';
import { mkdir, readFile, readdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sourceBySlug } from '@/lib/data/wire-sources';
import { ingestWire } from '@/lib/data/wire-ingest';
import { log } from '@/lib/log';
import { MAX_WIRE_BYTES, WireFormatError, decodeWire } from '@/lib/wire/parse';

// Files dropped in MASTHEAD_WIRE_DIR/<source-slug>/ are ingested, then moved to done/ or to
// failed/ with a <name>.reason beside them. A file is claimed by renaming it into processing/
// (atomic: of two instances scanning the same folder, one wins), and left alone until it has not
// changed for a second, so a copy still being written is not read half-way.

const SETTLE_MS = 1_000;

async function moveTo(folder: string, file: string, dir: 'done' | 'failed', reason?: string) {
  await mkdir(path.join(folder, dir), { recursive: true });
  const target = path.join(folder, dir, path.basename(file));
  await rename(file, target);
  if (reason) await writeFile(`${target}.reason`, `${reason}\n`);
}

export type FolderReport = { file: string; source: string; outcome: 'done' | 'failed'; reason?: string };

async function ingestFile(folder: string, slug: string, name: string): Promise<FolderReport | null> {
  const file = path.join(folder, name);
  const info = await stat(file).catch(() => null);
  if (!info?.isFile() || Date.now() - info.mtimeMs < SETTLE_MS) return null;
  await mkdir(path.join(folder, 'processing'), { recursive: true });
  const claimed = path.join(folder, 'processing', name);
  try {
    await rename(file, claimed);
  } catch {
    return null; // another instance took it
  }
  const fail = async (reason: string): Promise<FolderReport> => {
    await moveTo(folder, claimed, 'failed', reason);
    return { file: name, source: slug, outcome: 'failed', reason };
  };
  try {
    const source = await sourceBySlug(slug);
    if (!source) return await fail(`No wire source has the slug "${slug}".`);
    if (info.size > MAX_WIRE_BYTES) return await fail(`The file is larger than ${MAX_WIRE_BYTES} bytes (5 MB).`);
    const results = await ingestWire(source, decodeWire(await readFile(claimed)));
    await moveTo(folder, claimed, 'done');
    log.info({ source: slug, file: name, items: results.length }, '[wire] folder file ingested');
    return { file: name, source: slug, outcome: 'done' };
  } catch (error) {
    if (error instanceof WireFormatError) return fail(error.message);
    // The database is down or similar: the file goes back to be tried again.
    await rename(claimed, file).catch(() => {});
    throw error;
  }
}

/** One pass over every source's folder. */
export async function scanWireFolder(root: string): Promise<FolderReport[]> {
  const reports: FolderReport[] = [];
  const slugs = (await readdir(root, { withFileTypes: true }).catch(() => [])).filter((d) => d.isDirectory() && !d.name.startsWith('.'));
  for (const dir of slugs) {
    const folder = path.join(root, dir.name);
    const files = (await readdir(folder, { withFileTypes: true })).filter((f) => f.isFile() && !f.name.startsWith('.') && !f.name.endsWith('.reason'));
    for (const file of files.sort((a, b) => a.name.localeCompare(b.name))) {
      const report = await ingestFile(folder, dir.name, file.name);
      if (report) reports.push(report);
    }
  }
  return reports;
}
