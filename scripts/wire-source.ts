import { parseArgs } from 'node:util';
import { EnvError, parseEnv } from '@/lib/env';
import { db } from '@/lib/db';
import { ValidationError } from '@/lib/data/errors';
import { insertWireSource } from '@/lib/data/wire-sources';
import { wireSourceSchema } from '@/lib/validations/wire';
import { openDatabase } from './lib/database';
import { loadProjectEnv } from './lib/load-env';
import { migrateDeploy } from './lib/prisma-cli';

// `npm run wire:source -- --name "Agency" [--format AUTO|NEWSML|NINJS] [--section <slug>] [--needs-editor] [--feed <url>]`
// Creates a wire source from the server's shell and prints its slug and push token. The token is
// shown this once (only its hash is kept); Settings → Wires → Rotate token makes a new one.

const log = (msg: string) => console.log(`[masthead] ${msg}`);
const USAGE = 'Usage: npm run wire:source -- --name "Agency" [--format AUTO|NEWSML|NINJS] [--section <slug>] [--needs-editor] [--feed <url>]';

async function main() {
  const { values } = parseArgs({
    options: { name: { type: 'string' }, format: { type: 'string', default: 'AUTO' }, section: { type: 'string' }, 'needs-editor': { type: 'boolean', default: false }, feed: { type: 'string', default: '' } },
    strict: true,
  });
  if (!values.name) throw new Error(USAGE);
  loadProjectEnv(process.env.NODE_ENV !== 'production');
  const env = parseEnv();
  const database = await openDatabase({ dataDir: env.MASTHEAD_DATA_DIR, pgPort: env.MASTHEAD_PG_PORT, log });
  process.env.DATABASE_URL = database.url;
  try {
    migrateDeploy(database.url, true);
    const section = values.section ? await db.section.findUnique({ where: { slug: values.section }, select: { id: true } }) : null;
    if (values.section && !section) throw new Error(`No section has the slug "${values.section}".`);
    const parsed = wireSourceSchema.safeParse({ name: values.name, format: values.format?.toUpperCase(), sectionId: section?.id ?? null, needsEditor: values['needs-editor'], feedUrl: values.feed });
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join(' '));
    const source = await insertWireSource(parsed.data, null);
    log(`Wire source "${parsed.data.name}" created.`);
    console.log(`slug:  ${source.slug}`);
    console.log(`token: ${source.token}`);
    log(`Push with: curl -X POST -H "Authorization: Bearer <token>" --data-binary @item.xml ${env.MASTHEAD_SITE_URL ?? 'http://localhost:3000'}/api/wire/${source.slug}`);
    log('The token is shown only now; keep it where the agency feed is configured.');
  } finally {
    await db.$disconnect();
    await database.stop();
  }
}

main().catch((error) => {
  const message = error instanceof EnvError || error instanceof ValidationError || error instanceof Error ? error.message : String(error);
  console.error(`[masthead] ${message}`);
  process.exit(1);
});
