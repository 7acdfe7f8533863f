import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

// Files from the shared folder beside the repository (../shared), when it is there. The suite must
// pass in a clone on its own, so every use has a project-owned fallback; the shared copies add to it.
// Resolved from the working directory (the repository root for every npm script), which works in
// both Vitest's ES modules and Playwright's CommonJS.
const ROOT = path.resolve(process.cwd(), '../shared');

export function readShared(relative: string): string | null {
  const file = path.join(ROOT, relative);
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
