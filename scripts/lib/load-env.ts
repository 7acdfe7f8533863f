import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadEnvConfig } from '@next/env';

/** Loads .env files the way Next does, so scripts and the app agree on configuration. */
export function loadProjectEnv(dev: boolean): void {
  loadEnvConfig(process.cwd(), dev, { info: () => {}, error: console.error });
}

/** In development a secret is generated once and kept in the data directory, never committed. */
export function ensureDevAuthSecret(dataDir: string): void {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(dataDir, 'auth-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  process.env.AUTH_SECRET = readFileSync(file, 'utf8').trim();
}
