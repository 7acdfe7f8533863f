import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { prisma } from './lib/prisma-cli';
import { startScratchPostgres } from './lib/scratch-postgres';

// `npm run db:new-migration -- <name>` writes prisma/migrations/<timestamp>_<name>/migration.sql
// with the SQL that takes the schema as of the last committed migration to prisma/schema.prisma.
// (`prisma migrate dev` needs a native engine that this project does not download.)

const name = (process.argv[2] ?? '').replace(/[^a-z0-9_]/gi, '_').toLowerCase();
if (!name) {
  console.error('Usage: npm run db:new-migration -- <name>');
  process.exit(2);
}

function schemaAtLastMigration(): string | null {
  const existing = readdirSync('prisma/migrations').filter((d) => /^\d{14}_/.test(d));
  if (existing.length === 0) return null;
  const commit = execFileSync('git', ['log', '-1', '--format=%H', '--', 'prisma/migrations'], { encoding: 'utf8' }).trim();
  if (!commit) throw new Error('Commit the existing migrations together with the schema they produce first.');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-schema-'));
  const file = path.join(dir, 'schema.prisma');
  writeFileSync(file, execFileSync('git', ['show', `${commit}:prisma/schema.prisma`], { encoding: 'utf8' }));
  return file;
}

async function main() {
  const from = schemaAtLastMigration();
  // The CLI's JavaScript engine connects even for a schema-to-schema diff, so give it a database.
  const pg = await startScratchPostgres();
  try {
    const sql = prisma(
      ['migrate', 'diff', ...(from ? ['--from-schema-datamodel', from] : ['--from-empty']), '--to-schema-datamodel', 'prisma/schema.prisma', '--script'],
      pg.adminUrl,
      { quiet: true },
    );
    if (!sql.trim() || /^-- This is an empty migration/.test(sql.trim())) {
      console.log('The schema has not changed since the last migration; nothing written.');
      return;
    }
    const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
    const dir = path.join('prisma', 'migrations', `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'migration.sql'), sql);
    console.log(`Wrote ${dir}/migration.sql. Review it, then commit it together with prisma/schema.prisma.`);
  } finally {
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
