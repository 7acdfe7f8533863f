import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

// What a production build is made from: a build older than any of it serves code that no longer
// exists (a bench run on it measures the previous code, or fails on a function a migration dropped).
const SOURCES = ['app', 'components', 'lib', 'prisma/migrations', 'proxy.ts', 'next.config.js', 'package-lock.json'];

function newestChange(entry: string): number {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(entry).map((name) => newestChange(path.join(entry, name))));
}

/** Why `.next` must be built again before serving it, or null when it is newer than its sources. */
export function staleBuild(): string | null {
  const marker = path.join('.next', 'BUILD_ID');
  if (!existsSync(marker)) return 'there is no production build';
  const built = statSync(marker).mtimeMs;
  const changed = SOURCES.find((entry) => newestChange(entry) > built);
  return changed ? `${changed} changed after the last build` : null;
}
