import { EnvError, parseEnv } from '@/lib/env';
import { db } from '@/lib/db';
import { seedArchive } from '@/prisma/archive';
import { seedDemoNewsroom } from '@/prisma/seed';
import { openDatabase } from './lib/database';
import { loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run db:migrate` and `npm run db:seed`, against DATABASE_URL or the embedded PostgreSQL.
// `npm run db:seed -- --archive 100000` also adds a generated archive of that many stories.

const command = process.argv[2];
const log = (msg: string) => console.log(`[masthead] ${msg}`);

async function main() {
  if (command !== 'migrate' && command !== 'seed') throw new Error('Usage: tsx scripts/db.ts migrate|seed [--archive COUNT]');
  const archiveAt = process.argv.indexOf('--archive');
  const archive = archiveAt > 0 ? Number(process.argv[archiveAt + 1]) : 0;
  if (archiveAt > 0 && !(Number.isInteger(archive) && archive > 0 && archive <= 5_000_000)) throw new Error('--archive takes a number of stories, from 1 to 5,000,000.');
  loadProjectEnv(true);
  const env = parseEnv();
  const database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log });
  process.env.DATABASE_URL = database.url;
  try {
    migrateDeploy(database.url);
    if (command === 'seed') await seedDemoNewsroom(db, log);
    if (command === 'seed' && archive) await seedArchive(database.url, archive, log);
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`[masthead] ${error instanceof EnvError || error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
