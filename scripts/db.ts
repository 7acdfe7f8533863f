import { EnvError, parseEnv } from '@/lib/env';
import { db } from '@/lib/db';
import { seedDemoNewsroom } from '@/prisma/seed';
import { openDatabase } from './lib/database';
import { loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded PostgreSQL.

const command = process.argv[2];
const log = (msg: string) => console.log(`[masthead] ${msg}`);

async function main() {
  if (command !== 'migrate' && command !== 'seed') throw new Error('Usage: tsx scripts/db.ts migrate|seed');
  loadProjectEnv(true);
  const env = parseEnv();
  const database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log });
  process.env.DATABASE_URL = database.url;
  try {
    migrateDeploy(database.url);
    if (command === 'seed') await seedDemoNewsroom(db, log);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[masthead] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
