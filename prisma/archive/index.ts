import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import pg from 'pg';
import { FOLD_LIVE_LINK_COUNTS, LIVE_LINK_KINDS } from '@/lib/data/live-link-counts';
import { hashPassword } from '@/lib/passwords';
import { copyText, line } from './copy';
import { withoutSearchIndexes } from './indexes';
import type { GeneratedBatch, GeneratorInput, GeneratorMessage } from './generator';
import { PLACES, TOPICS, authorName, pick, rng } from './stories';

// A generated archive for measuring the site at a real newsroom's size (`npm run db:seed --
// --archive 1000000`): ten years of published stories in the demo's sections, several authors per
// story from a staff that changes over time, a long tail of tags (a few used constantly, most used
// a handful of times), stories of newspaper length (stories.ts), and retired URLs (stories that
// moved to a new slug, and stories taken down). Stories are written on a thread of their own
// (generator.ts) and go in by COPY a batch at a time, on two connections, with the search indexes
// built once afterwards (indexes.ts); search vectors are built from PostgreSQL's own parse of each
// word (search-vector.ts), and bylines and tags carry their story's publication time (what the
// link triggers would look up for each row), both checked against PostgreSQL's own expressions
// afterwards. Every generated story carries the slug prefix "archive-", so a second run adds to the
// archive rather than colliding with it.

const BATCH = 1_000;
const AUTHORS = 60;
const TAGS = 4_000;
const CHECKED = 500;
/** The tables a load writes. */
const LOADED = ['Story', 'StoryAuthor', 'StoryTag', 'StoryPath', 'Tag', 'User', 'LiveLinkCount'];


type Section = { id: string; slug: string };
type Log = (message: string) => void;

function progress(done: number, total: number, startedAt: number, log: Log) {
  const width = 30;
  const filled = Math.round((done / total) * width);
  const seconds = Math.max((Date.now() - startedAt) / 1000, 0.001);
  const rate = Math.round(done / seconds);
  const left = done > 0 && done < total ? `, about ${Math.ceil((total - done) / Math.max(rate, 1) / 60)} min left` : '';
  const text = `[archive] ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done.toLocaleString('en')} / ${total.toLocaleString('en')} stories (${rate.toLocaleString('en')}/s${left})`;
  if (process.stderr.isTTY) process.stderr.write(`\r${text}\x1b[K${done === total ? '\n' : ''}`);
  else if (done === total || Math.floor((done / total) * 20) !== Math.floor(((done - BATCH) / total) * 20)) log(text);
}

/** Adds `count` generated stories to the database at `url`; the demo newsroom must be seeded. */
export async function seedArchive(url: string, count: number, log: Log = console.log): Promise<void> {
  const connections = [new pg.Client({ connectionString: url }), new pg.Client({ connectionString: url })];
  await Promise.all(connections.map(async (c) => (await c.connect(), await c.query('SET synchronous_commit = off'))));
  const [client] = connections as [pg.Client, pg.Client];
  let autovacuumOff = false;
  try {
    const sections = (await client.query<Section>('SELECT id, slug FROM "Section" ORDER BY position')).rows;
    const [editor] = (await client.query<{ id: string }>(`SELECT id FROM "User" WHERE role IN ('ADMIN', 'EDITOR') ORDER BY "createdAt" LIMIT 1`)).rows;
    if (sections.length === 0 || !editor) throw new Error('Seed the demo newsroom first: the archive uses its sections and editors.');
    const runId = randomBytes(3).toString('hex');
    const random = rng(count);
    const sizeBefore = await databaseSize(client);

    // The staff over ten years: each author writes for a span of years.
    const hash = await hashPassword(randomBytes(24).toString('base64url'));
    const authors = Array.from({ length: AUTHORS }, (_, i) => `arch${runId}u${i}`);
    await copyText(client, 'User', ['id', 'email', 'name', 'role', 'active', 'bio', 'slug', 'passwordHash', 'createdAt', 'updatedAt'], authors.map((id, i) => {
      const name = authorName(i);
      const slug = `${name.toLowerCase().replace(/ /g, '-')}-${runId}-${i}`;
      return line([id, `archive-${runId}-${i}@example.com`, name, 'REPORTER', i % 5 !== 0 ? 't' : 'f', `${pick(random, TOPICS)} correspondent.`, slug, hash, 'now', 'now']);
    }).join(''));
    const tagIds = Array.from({ length: TAGS }, (_, k) => `arch${runId}t${k}`);
    await copyText(client, 'Tag', ['id', 'name', 'slug'], tagIds.map((id, k) => {
      const name = k < TOPICS.length ? `${TOPICS[k]} ${runId}` : `${pick(random, PLACES)} ${pick(random, TOPICS).toLowerCase()} ${k}`;
      return line([id, name, `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${runId}`]);
    }).join(''));
    const checked: string[] = [];
    const input: GeneratorInput = { url, count, batch: BATCH, runId, sections, editorId: editor.id, authors, tagIds, checkEvery: Math.max(1, Math.floor(count / CHECKED)) };
    const load = async (connection: pg.Client, batch: GeneratedBatch) => {
      await copyText(connection, 'Story', ['id', 'headline', 'dek', 'slug', 'body', 'plainText', 'wordCount', 'status', 'sectionId', 'createdById', 'createdAt', 'updatedAt', 'publishedAt', 'firstPublishedAt', 'statusChangedAt', 'publicUpdatedAt', 'searchVector'], batch.stories);
      await copyText(connection, 'StoryAuthor', ['storyId', 'userId', 'position', 'liveAt'], batch.bylines);
      await copyText(connection, 'StoryTag', ['storyId', 'tagId', 'liveAt'], batch.tags);
      await copyText(connection, 'StoryPath', ['path', 'storyId'], batch.paths);
    };

    // Autovacuum would analyse and vacuum the growing tables again after every fifth more rows
    // (dozens of times over a million, each analysis sampling long bodies and vectors) while the
    // load needs the CPU; the run ends with one VACUUM (ANALYZE) of its own instead.
    await client.query(LOADED.map((t) => `ALTER TABLE "${t}" SET (autovacuum_enabled = off)`).join('; '));
    autovacuumOff = true;
    const startedAt = Date.now();
    let done = 0;
    progress(0, count, startedAt, log);
    await withoutSearchIndexes(client, count, log, () => new Promise<void>((resolve, reject) => {
      const worker = new Worker(`require('tsx/cjs'); require(${JSON.stringify(path.join(__dirname, 'generator.ts'))})`, { eval: true, workerData: input });
      // Two batches load at once, one on each connection; each is acknowledged to the generator when
      // loaded, which keeps it at most two batches ahead.
      const loading = [Promise.resolve(), Promise.resolve()];
      let turn = 0;
      let failed = false;
      const fail = (error: unknown) => {
        if (failed) return;
        failed = true;
        void worker.terminate();
        reject(error instanceof Error ? error : new Error(String(error)));
      };
      worker.on('error', fail);
      worker.on('message', (message: GeneratorMessage) => {
        if ('end' in message) {
          void Promise.all(loading).then(() => {
            void worker.terminate();
            resolve();
          }, fail);
          return;
        }
        const slot = turn++ % 2;
        const batch = message.batch;
        loading[slot] = loading[slot]!.then(() => load(connections[slot]!, batch)).then(() => {
          checked.push(...batch.checked);
          progress((done += batch.size), count, startedAt, log);
          worker.postMessage('loaded');
        });
        loading[slot].catch(fail);
      });
    }));

    const differing = await client.query<{ id: string }>(
      `SELECT id FROM "Story" WHERE id = ANY($1::text[]) AND "searchVector" IS DISTINCT FROM
         setweight(to_tsvector('english', coalesce("headline", '')), 'A') || setweight(to_tsvector('english', coalesce("dek", '')), 'B') || setweight(to_tsvector('english', coalesce("plainText", '')), 'C')`,
      [checked],
    );
    if (differing.rowCount) throw new Error(`${differing.rowCount} of ${checked.length} sampled archive stories have a search vector other than PostgreSQL's (first: ${differing.rows[0]!.id}).`);
    const wrongLive = await client.query<{ id: string }>(
      `SELECT s.id FROM "Story" s JOIN (SELECT "storyId", "liveAt" FROM "StoryAuthor" UNION ALL SELECT "storyId", "liveAt" FROM "StoryTag") l ON l."storyId" = s.id
       WHERE s.id = ANY($1::text[]) AND l."liveAt" IS DISTINCT FROM "story_live_at"(s."status", s."publishedAt", s."sectionId", s."takenDownAt")`,
      [checked],
    );
    if (wrongLive.rowCount) throw new Error(`${wrongLive.rowCount} links of ${checked.length} sampled archive stories carry a publication time other than their story's (first: ${wrongLive.rows[0]!.id}).`);
    // Each COPY of links appended a row per tag and author it counted: one row each again.
    for (const kind of LIVE_LINK_KINDS) await client.query(FOLD_LIVE_LINK_COUNTS, [kind]);
    // What autovacuum would soon do on a live database: statistics, and the visibility map that lets
    // counts be read from an index alone.
    log('Analysing the archive…');
    const analysing = Date.now();
    await client.query(`VACUUM (ANALYZE) ${LOADED.map((t) => `"${t}"`).join(', ')}`);
    log(`Analysed in ${((Date.now() - analysing) / 1000).toFixed(0)} s.`);
    const sizeAfter = await databaseSize(client);
    log(`Added ${count.toLocaleString('en')} archive stories in ${((Date.now() - startedAt) / 1000).toFixed(0)} s (run ${runId}; ${checked.length} search vectors checked against PostgreSQL's). Database on disk: ${formatBytes(sizeAfter)} (was ${formatBytes(sizeBefore)}).`);
  } finally {
    if (autovacuumOff) {
      await client.query(LOADED.map((t) => `ALTER TABLE "${t}" RESET (autovacuum_enabled)`).join('; ')).catch((error: unknown) => {
        log(`Could not turn autovacuum back on for the archive's tables (${String(error)}): run ${LOADED.map((t) => `ALTER TABLE "${t}" RESET (autovacuum_enabled);`).join(' ')}`);
      });
    }
    await Promise.all(connections.map((c) => c.end()));
  }
}

async function databaseSize(client: pg.Client): Promise<number> {
  return Number((await client.query<{ size: string }>('SELECT pg_database_size(current_database()) AS size')).rows[0]!.size);
}

function formatBytes(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(1)} GiB` : `${Math.round(bytes / (1 << 20))} MiB`;
}
