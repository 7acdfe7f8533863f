import { inject } from 'vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { migrateDeploy, prisma } from '../../scripts/lib/prisma-cli';

// The migrations must build exactly the schema that prisma/schema.prisma describes. Build one
// database from the migrations and another straight from the schema, then compare their catalogs.

const adminUrl = inject('adminUrl');
const suffix = Date.now().toString(36);
const FROM_MIGRATIONS = `masthead_mig_${suffix}`;
const FROM_SCHEMA = `masthead_schema_${suffix}`;
const urlFor = (name: string) => Object.assign(new URL(adminUrl), { pathname: `/${name}` }).toString();

const CATALOG_QUERIES = {
  columns: `SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default, character_maximum_length, numeric_precision, datetime_precision
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
            ORDER BY table_name, column_name`,
  indexes: `SELECT tablename, indexname, indexdef FROM pg_indexes
            WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`,
  constraints: `SELECT conrelid::regclass::text AS table_name, conname, contype, pg_get_constraintdef(oid) AS def
                FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                AND conrelid <> COALESCE(to_regclass('public._prisma_migrations'), 0)
                ORDER BY 1, 2`,
  enums: `SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
          WHERE t.typnamespace = 'public'::regnamespace ORDER BY 1, 3`,
};

// Indexes schema.prisma cannot describe (partial, covering, over an expression), written by hand in a migration.
const BEYOND_PRISMA: Record<string, string> = {
  Story_search_stamps_idx:
    'CREATE INDEX "Story_search_stamps_idx" ON public."Story" USING gin (story_search_stamps("searchVector", (status = \'PUBLISHED\'::"StoryStatus"), "publishedAt", "updatedAt"))',
  Story_updatedAt_id_idx: 'CREATE INDEX "Story_updatedAt_id_idx" ON public."Story" USING btree ("updatedAt" DESC, id DESC) INCLUDE (status, "sectionId")',
  Story_sitemap_idx:
    'CREATE INDEX "Story_sitemap_idx" ON public."Story" USING btree ("publishedAt", id) INCLUDE (slug, "sectionId", "publicUpdatedAt") WHERE ((status = \'PUBLISHED\'::"StoryStatus") AND ("sectionId" IS NOT NULL) AND ("takenDownAt" IS NULL))',
};

async function catalog(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result: Record<string, unknown[]> = {};
    for (const [name, sql] of Object.entries(CATALOG_QUERIES)) result[name] = (await client.query(sql)).rows;
    return result;
  } finally {
    await client.end();
  }
}

describe('migrations', () => {
  beforeAll(async () => {
    await ensureDatabase(adminUrl, FROM_MIGRATIONS);
    await ensureDatabase(adminUrl, FROM_SCHEMA);
    migrateDeploy(urlFor(FROM_MIGRATIONS), true);
    const sql = prisma(['migrate', 'diff', '--from-empty', '--to-schema-datamodel', 'prisma/schema.prisma', '--script'], adminUrl, { quiet: true });
    const client = new pg.Client({ connectionString: urlFor(FROM_SCHEMA) });
    await client.connect();
    await client.query(sql);
    await client.end();
  });

  afterAll(async () => {
    await dropDatabase(adminUrl, FROM_MIGRATIONS);
    await dropDatabase(adminUrl, FROM_SCHEMA);
  });

  it('produce exactly the schema that schema.prisma describes, and the indexes it cannot', async () => {
    const [migrated, described] = await Promise.all([catalog(urlFor(FROM_MIGRATIONS)), catalog(urlFor(FROM_SCHEMA))]);
    expect(migrated.columns?.length).toBeGreaterThan(40);
    const beyond = (migrated.indexes as { indexname: string; indexdef: string }[]).filter((i) => i.indexname in BEYOND_PRISMA);
    expect(Object.fromEntries(beyond.map((i) => [i.indexname, i.indexdef]))).toEqual(BEYOND_PRISMA);
    expect({ ...migrated, indexes: migrated.indexes!.filter((i) => !beyond.includes(i as never)) }).toEqual(described);
  });

  it('report no pending migration once applied', () => {
    expect(prisma(['migrate', 'status'], urlFor(FROM_MIGRATIONS), { quiet: true })).toMatch(/Database schema is up to date/);
  });
});
