import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { encodeCursor } from '../../lib/pagination';
import { startServerProcess } from '../../scripts/lib/app-server';
import { dropDatabase, ensureDatabase } from '../../scripts/lib/postgres';
import { Session } from '../bench/http';
import { startPgRelay, type PgRelay } from './support/pg-relay';
import { PORTS } from './support/ports';

// A database outage, on a production server of its own whose connections to PostgreSQL pass
// through a relay the test cuts for five seconds while readers and an autosaving reporter keep
// going. Cached pages keep answering; an uncached page answers 503 with Retry-After within five
// seconds; no acknowledged save is lost; everything, the job queue included, is back within ten
// seconds of the database's return. The figures are printed.

const PORT = PORTS.outage;
const OUTAGE_MS = 5_000;
const database = `masthead_outage_${Date.now().toString(36)}`;
let adminUrl: string;
let databaseUrl: string;
let relay: PgRelay;
let server: Awaited<ReturnType<typeof startServerProcess>>;

test.describe.configure({ timeout: 180_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  adminUrl = Object.assign(new URL(process.env.E2E_DATABASE_URL!), { pathname: '/postgres' }).toString();
  await ensureDatabase(adminUrl, database);
  databaseUrl = Object.assign(new URL(adminUrl), { pathname: `/${database}` }).toString();
  const seeded = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/db.ts', 'seed'], { env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' });
  if (seeded.status !== 0) throw new Error(`Seeding failed:\n${seeded.stdout}${seeded.stderr}`);
  relay = await startPgRelay(databaseUrl);
  server = await startServerProcess({ port: PORT, databaseUrl: relay.url, logFile: 'test-results/outage-server.log' });
});

test.afterAll(async () => {
  await server?.stop();
  await relay?.close();
  await dropDatabase(adminUrl, database).catch(() => {});
});

/** A cursor no page has been rendered for: the page must read the database. */
const olderThanNow = (id: string) => encodeURIComponent(encodeCursor({ at: new Date().toISOString(), id }));

async function storyRow(id: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<{ version: number; dek: string }>('SELECT version, dek FROM "Story" WHERE id = $1', [id])).rows[0]!;
  } finally {
    await client.end();
  }
}

test('a five-second database outage: cached pages answer, uncached ones say 503 quickly, no acknowledged save is lost, all recovers', async () => {
  const base = server.baseUrl;
  const article = '/world/yoon-ishiba-second-summit-lima';
  for (const page of [article, '/', '/world']) expect((await fetch(`${base}${page}`)).status, page).toBe(200);

  // A reporter with a story open, autosaving every 150 ms; a save is acknowledged by a 200.
  const reporter = new Session(base);
  await reporter.signIn('reporter@example.com', 'masthead-demo');
  const me = await (await reporter.fetch('/api/auth/session')).json();
  const fields = { headline: 'Outage drill', dek: 'save 0', slug: '', sectionId: null, tags: [], bylineIds: [me.user.id], creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null, body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Drill.' }] }] } };
  const created = await (await reporter.fetch('/api/desk/stories', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })).json();
  let version: number = created.version;
  let acknowledged = { version, dek: 'save 0' };
  let saveFailures = 0;
  let running = true;
  const saver = (async () => {
    for (let i = 1; running; i++) {
      const dek = `save ${i}`;
      const response = await reporter
        .fetch(`/api/desk/stories/${created.id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...fields, dek, baseVersion: version, kind: 'autosave' }), signal: AbortSignal.timeout(10_000) })
        .catch(() => null);
      if (response?.status === 200) {
        version = (await response.json()).version;
        acknowledged = { version, dek };
      } else {
        saveFailures += 1;
        // An unanswered save may still have committed: a conflict then tells the editor so, and it
        // reloads the version (as the editor does) before saving again.
        if (response?.status === 409) version = (await storyRow(created.id)).version;
      }
      await new Promise((r) => setTimeout(r, 150));
    }
  })();

  // Readers on the cached article, ten at a time, throughout.
  const reads = { ok: 0, other: new Map<number, number>() };
  const readers = Array.from({ length: 10 }, async () => {
    while (running) {
      const response = await fetch(`${base}${article}`, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
      await response?.arrayBuffer();
      if (response?.status === 200) reads.ok += 1;
      else reads.other.set(response?.status ?? 0, (reads.other.get(response?.status ?? 0) ?? 0) + 1);
    }
  });

  await new Promise((r) => setTimeout(r, 1_000));
  const readsBefore = reads.ok;
  const outageStart = Date.now();
  relay.cut();
  // An address nobody has asked for yet has no cached page: it must fail fast and say so.
  const probeStart = Date.now();
  const uncached = await fetch(`${base}/world?cursor=${olderThanNow('a')}`);
  const uncachedMs = Date.now() - probeStart;
  const uncachedBody = await uncached.text();
  const ready = await fetch(`${base}/api/ready`);
  const readyBody = await ready.json();
  await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - outageStart)));
  const readsDuringOutage = reads.ok - readsBefore;
  relay.restore();
  const restoredAt = Date.now();

  // Recovery: ready again (database and job queue), and a page that needs the database renders.
  let recoveredMs = -1;
  while (Date.now() - restoredAt < 15_000) {
    const [r, page] = await Promise.all([fetch(`${base}/api/ready`), fetch(`${base}/world?cursor=${olderThanNow(String(Date.now()))}`)]);
    await page.arrayBuffer();
    if (r.status === 200 && page.status === 200) {
      recoveredMs = Date.now() - restoredAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await new Promise((r) => setTimeout(r, 1_000)); // a few saves after recovery
  running = false;
  await Promise.all([saver, ...readers]);
  const saved = await storyRow(created.id);
  const seconds = (Date.now() - outageStart) / 1000;

  console.log(
    [
      `outage drill: cached article ${reads.ok} × 200 (${Math.round(reads.ok / (seconds + 1))}/s overall, ${readsDuringOutage} during the ${OUTAGE_MS / 1000} s outage), other statuses ${JSON.stringify(Object.fromEntries(reads.other))}`,
      `uncached page during the outage: ${uncached.status} in ${uncachedMs} ms, Retry-After ${uncached.headers.get('retry-after')}; /api/ready ${ready.status}`,
      `recovery after the database returned: ${recoveredMs} ms; saves not acknowledged: ${saveFailures}; last acknowledged version ${acknowledged.version}, in the database ${saved.version}`,
    ].join('\n'),
  );

  expect(reads.other.size, 'every read of the cached article answered 200').toBe(0);
  // Readers kept getting the page throughout (how fast is for the benchmarks, not this test).
  expect(readsDuringOutage).toBeGreaterThanOrEqual(50);
  expect(uncached.status).toBe(503);
  expect(uncached.headers.get('retry-after')).toBe('5');
  expect(uncachedBody, uncachedBody.slice(0, 3000)).toContain('This page is unavailable for a moment');
  expect(uncachedMs).toBeLessThan(5_000);
  expect(ready.status).toBe(503);
  // Which dependency failed, and nothing of why: the answer is public.
  expect(readyBody).toEqual({ ready: false, database: 'unreachable', queue: expect.stringMatching(/^(ok|unreachable)$/) });
  expect(recoveredMs).toBeGreaterThanOrEqual(0);
  expect(recoveredMs).toBeLessThanOrEqual(10_000);
  expect(saveFailures).toBeGreaterThan(0); // the outage did reach the saves
  expect(saved.version).toBeGreaterThanOrEqual(acknowledged.version);
  if (saved.version === acknowledged.version) expect(saved.dek).toBe(acknowledged.dek);
});

test('a frozen database (connections open, nothing answered): search, the API and uncached pages answer within five seconds, then all recovers', async () => {
  const base = server.baseUrl;
  const article = '/world/yoon-ishiba-second-summit-lima';
  expect((await fetch(`${base}${article}`)).status).toBe(200);
  // Every pool has open connections when the database stops answering.
  for (const path of ['/search?q=summit', '/api/v1/stories?q=summit', `/world?cursor=${olderThanNow('warm')}`]) await (await fetch(`${base}${path}`)).arrayBuffer();

  relay.freeze();
  try {
    const timed = async (path: string) => {
      const start = Date.now();
      const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(20_000) });
      await response.arrayBuffer();
      return { path, status: response.status, ms: Date.now() - start, retryAfter: response.headers.get('retry-after') };
    };
    const answers = await Promise.all([
      timed(article),
      timed('/search?q=harbour'),
      timed('/api/v1/stories?q=harbour'),
      timed(`/world?cursor=${olderThanNow('frozen')}`),
      timed('/api/ready'),
    ]);
    console.log(`frozen database: ${answers.map((a) => `${a.path} ${a.status} in ${a.ms} ms`).join('; ')}`);
    for (const answer of answers) {
      expect(answer.ms, answer.path).toBeLessThan(5_000);
      expect([200, 503], answer.path).toContain(answer.status);
      if (answer.status === 503) expect(answer.retryAfter, answer.path).toBe('5');
    }
    expect(answers[0]!.status).toBe(200); // the cached article
  } finally {
    relay.restore();
  }
  await expect.poll(async () => (await fetch(`${base}/search?q=harbour`)).status, { timeout: 15_000 }).toBe(200);
});
