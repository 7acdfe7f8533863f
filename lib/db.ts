import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process; Next's dev server re-evaluates modules, so keep it on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: Db };

function createClient() {
  const url = env().DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set. Start Masthead with `npm run dev` or `npm start`, which provide it.');
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    // Password hashes never leave the data layer unless a query asks for them by name.
    omit: { user: { passwordHash: true } },
  });
}

function client(): Db {
  return (globalForPrisma.prisma ??= createClient());
}

// Created on first use, so that `next build` can import the data layer without a database.
export type Db = ReturnType<typeof createClient>;

export const db = new Proxy({} as Db, {
  get: (_target, prop) => Reflect.get(client(), prop),
});
