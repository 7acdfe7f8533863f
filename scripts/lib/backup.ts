import { chmodSync, cpSync, createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';

// Backups of a Masthead database and its media folder, without pg_dump: the embedded PostgreSQL is
// newer than any pg_dump Debian ships, and a backup must work on a fresh machine. Every table of
// the application is copied with COPY inside one REPEATABLE READ transaction (one consistent
// moment, taken while the newsroom keeps working), gzipped, next to a manifest of the migrations
// applied and the row counts. Restoring migrates an empty database to this code's schema and copies
// the rows back in dependency order; columns are named, so an older backup restores into a newer
// schema (new columns take their defaults). Left out: the job queue (scheduled publications are
// re-queued by the catch-up sweep at start), rate-limit counters, sessions (everyone signs in again),
// the sitemap's months and the tags' and authors' counts of live stories (rebuilt by triggers as the
// stories and their links come back; restored as well, they were counted twice).
// A backup holds password hashes and held drafts: its folders are 0700 and its files 0600. After the
// rows, every sequence is set past the largest value restored, so that the next row gets a new number.

export const BACKUP_FORMAT = 'masthead-backup/1';
// SitemapMonth and LiveLinkCount are derived from the stories and their links by triggers, which
// rebuild them as those are restored.
const SKIPPED = new Set(['_prisma_migrations', 'rate_limit', 'UserSession', 'SitemapMonth', 'LiveLinkCount']);

export type Manifest = {
  format: typeof BACKUP_FORMAT;
  createdAt: string;
  migrations: string[];
  tables: { name: string; columns: string[]; rows: number }[];
  mediaFiles: number;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

async function applicationTables(client: pg.ClientBase): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  return rows.map((r) => r.name).filter((name) => !SKIPPED.has(name));
}

/** Tables ordered so that every table comes after the tables its foreign keys point to. */
async function dependencyOrder(client: pg.ClientBase, tables: string[]): Promise<string[]> {
  const { rows } = await client.query<{ child: string; parent: string }>(`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = 'public'`);
  const unquote = (name: string) => name.replace(/^"|"$/g, '').replace(/""/g, '"');
  const parents = new Map(tables.map((t) => [t, new Set<string>()]));
  for (const { child, parent } of rows) if (unquote(child) !== unquote(parent)) parents.get(unquote(child))?.add(unquote(parent));
  const ordered: string[] = [];
  const visit = (table: string, seen: Set<string>) => {
    if (ordered.includes(table) || seen.has(table)) return;
    seen.add(table);
    for (const parent of parents.get(table) ?? []) if (parents.has(parent)) visit(parent, seen);
    ordered.push(table);
  };
  for (const table of tables) visit(table, new Set());
  return ordered;
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

/** Writes a backup of the database at `databaseUrl` and the media folder into `outDir` (created). */
export async function backupDatabase(databaseUrl: string, mediaDir: string, outDir: string): Promise<Manifest> {
  if (existsSync(outDir) && readdirSync(outDir).length > 0) throw new Error(`${outDir} is not empty; choose a new folder for the backup.`);
  mkdirSync(outDir, { recursive: true, mode: 0o700 });
  chmodSync(outDir, 0o700);
  mkdirSync(path.join(outDir, 'tables'), { mode: 0o700 });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const migrations = (await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`)).rows.map((r) => r.name);
    const tables: Manifest['tables'] = [];
    for (const name of await applicationTables(client)) {
      const columns = (await client.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 AND is_generated = 'NEVER' ORDER BY ordinal_position`, [name])).rows.map((r) => r.name);
      const rows = Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${quote(name)}`)).rows[0]!.n);
      await pipeline(client.query(copyTo(`COPY ${quote(name)} (${columns.map(quote).join(', ')}) TO STDOUT`)), createGzip(), createWriteStream(path.join(outDir, 'tables', `${name}.tsv.gz`), { mode: 0o600 }));
      tables.push({ name, columns, rows });
    }
    await client.query('COMMIT');
    if (existsSync(mediaDir)) {
      cpSync(mediaDir, path.join(outDir, 'media'), { recursive: true });
      chmodSync(path.join(outDir, 'media'), 0o700);
    }
    const manifest: Manifest = { format: BACKUP_FORMAT, createdAt: new Date().toISOString(), migrations, tables, mediaFiles: countFiles(path.join(outDir, 'media')) };
    writeFileSync(path.join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
    return manifest;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}

/** COPY writes the numbers it is given and leaves the sequences behind them: move each past its column's largest value. */
async function resetSequences(client: pg.ClientBase): Promise<void> {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(`
    SELECT c.table_name AS "table", c.column_name AS "column", pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) AS "sequence"
    FROM information_schema.columns c
    WHERE c.table_schema = 'public' AND pg_get_serial_sequence(quote_ident(c.table_name), c.column_name) IS NOT NULL`);
  for (const { table, column, sequence } of rows) {
    await client.query(`SELECT setval($1, COALESCE((SELECT max(${quote(column)}) FROM ${quote(table)}), 0) + 1, false)`, [sequence]);
  }
}

export function readManifest(backupDir: string): Manifest {
  const file = path.join(backupDir, 'manifest.json');
  if (!existsSync(file)) throw new Error(`${backupDir} holds no manifest.json: it is not a Masthead backup.`);
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Manifest;
  if (manifest.format !== BACKUP_FORMAT) throw new Error(`${backupDir} is a backup in a format this version does not read (${String(manifest.format)}).`);
  return manifest;
}

/**
 * Restores a backup into the database at `databaseUrl`, which must already be migrated (the caller
 * runs the migrations) and hold no newsroom yet, and copies its media into `mediaDir`.
 */
export async function restoreDatabase(databaseUrl: string, mediaDir: string, backupDir: string): Promise<Manifest> {
  const manifest = readManifest(backupDir);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const applied = new Set((await client.query<{ name: string }>(`SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL`)).rows.map((r) => r.name));
    const unknown = manifest.migrations.filter((m) => !applied.has(m));
    if (unknown.length) throw new Error(`The backup was made by a newer Masthead (migrations ${unknown.join(', ')}); restore it with that version.`);
    const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "User"');
    if (Number(rows[0]!.n) > 0) throw new Error('The target database already holds a newsroom; restore into an empty database.');
    if (existsSync(mediaDir) && readdirSync(mediaDir).length > 0) throw new Error(`The media folder ${mediaDir} is not empty; restore into an empty one.`);
    const present = new Set(await applicationTables(client));
    const order = await dependencyOrder(client, manifest.tables.map((t) => t.name).filter((t) => present.has(t)));
    await client.query('BEGIN');
    for (const name of order) {
      const table = manifest.tables.find((t) => t.name === name)!;
      const columns = (await client.query<{ name: string }>(`SELECT column_name AS name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`, [name])).rows.map((r) => r.name);
      const missing = table.columns.filter((c) => !columns.includes(c));
      if (missing.length) throw new Error(`Table ${name} has no column ${missing.join(', ')} in this version; restore with the version that made the backup.`);
      await pipeline(createReadStream(path.join(backupDir, 'tables', `${name}.tsv.gz`)), createGunzip(), client.query(copyFrom(`COPY ${quote(name)} (${table.columns.map(quote).join(', ')}) FROM STDIN`)));
    }
    await resetSequences(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
  const media = path.join(backupDir, 'media');
  if (existsSync(media)) cpSync(media, mediaDir, { recursive: true });
  return manifest;
}
