import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// The cache front takes a PURGE only with this secret in a header: an address check alone admits
// everyone behind a TLS terminator or proxy on the same host. MASTHEAD_PURGE_SECRET sets it; without
// it, `npm start` and `npm run front` share one made on first use and kept in the data directory.

export const PURGE_SECRET_HEADER = 'X-Purge-Secret';

let cached: string | undefined;

export function purgeSecret(): string {
  if (cached) return cached;
  const given = process.env.MASTHEAD_PURGE_SECRET?.trim();
  if (given) {
    if (!/^[A-Za-z0-9_-]{24,200}$/.test(given)) throw new Error('MASTHEAD_PURGE_SECRET must be 24 to 200 letters, digits, "-" or "_" (openssl rand -hex 24).');
    return (cached = given);
  }
  const dir = path.resolve(process.env.MASTHEAD_DATA_DIR || '.data');
  const file = path.join(dir, 'purge-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    // 'wx': of two processes making it at once, the second reads the first's.
    try {
      writeFileSync(file, randomBytes(24).toString('base64url'), { mode: 0o600, flag: 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
  return (cached = readFileSync(file, 'utf8').trim());
}
