import path from 'node:path';
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

// The CLI runs on the JavaScript engine through the same driver adapter as the app, so no
// native engine has to be downloaded.

type Queryable = { query: (sql: string) => Promise<unknown> };
type ScriptRunner = { executeScript: (script: string) => Promise<void>; client?: Queryable };

/**
 * The adapter runs a migration by splitting it at every ";", which breaks a function body
 * (`$$ … ; … $$`). PostgreSQL's simple query protocol takes the whole script at once and runs it
 * as one transaction, so migrations are sent that way.
 */
class MigrationSafePg extends PrismaPg {
  override async connect() {
    const adapter = (await super.connect()) as unknown as ScriptRunner;
    const client = adapter.client;
    if (client) adapter.executeScript = async (script: string) => void (await client.query(script));
    return adapter as unknown as Awaited<ReturnType<PrismaPg['connect']>>;
  }
}

export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
  experimental: { adapter: true },
  engine: 'js',
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set; run through `npm run db:migrate`, which provides it.');
    return new MigrationSafePg({ connectionString: url });
  },
});
