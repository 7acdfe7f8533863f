import { spawnSync } from 'node:child_process';
import path from 'node:path';

// The Prisma CLI runs on its JavaScript engine (prisma.config.ts); pointing the native engine
// variables at a dummy keeps it from trying to download binaries this machine cannot fetch.
export const PRISMA_ENV = { PRISMA_SCHEMA_ENGINE_BINARY: '/bin/false', PRISMA_QUERY_ENGINE_LIBRARY: '/bin/false' };

const bin = path.join(process.cwd(), 'node_modules', '.bin', 'prisma');

export function prisma(args: string[], databaseUrl: string, options: { quiet?: boolean } = {}): string {
  const result = spawnSync(bin, args, {
    env: { ...process.env, ...PRISMA_ENV, DATABASE_URL: databaseUrl },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0) {
    throw new Error(`prisma ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  }
  if (!options.quiet && result.stdout.trim()) process.stdout.write(result.stdout);
  return result.stdout;
}

export function migrateDeploy(databaseUrl: string, quiet = false): void {
  prisma(['migrate', 'deploy'], databaseUrl, { quiet });
}
