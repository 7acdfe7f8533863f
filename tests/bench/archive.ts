import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { REVALIDATE_ROUTE, SIGNATURE_HEADER } from '../../lib/cache/pages';
import { INTERNAL_PAGES } from '../../lib/cache/page-paths';
import { encodeCursor } from '../../lib/pagination';
import { Session, percentile } from './http';
import type { QueryCounter } from './pg-counter';
import { createHmac } from 'node:crypto';

// Every list, search, feed, sitemap and API page answered uncached, at one archive size. Each
// sample is a different address (another tag, author, month, cursor or query), so neither Next's
// page cache nor the read cache has it; pages with one address (the sitemap index, the site feed,
// the front page) are revalidated before each sample. The time is the client's on the same
// machine: server time plus a loopback round trip. SQL statements per page are counted on a second
// server of the same build whose connections pass through a counting relay (the relay adds
// latency, so it is never under the timings), each page asked at addresses the first server never
// saw.

export type PageTiming = { page: string; samples: number; p50: number; p95: number; max: number; statusErrors: number };
export type PageStatements = { page: string; statements: number[] };

const SAMPLES = 30;
/**
 * Addresses per page asked before the timed ones. A server's first requests for a page run its
 * code before V8 has optimised it and on database connections whose caches are cold (a page's
 * first requests took up to twice its usual time): a server that has run a while does neither.
 */
const WARM = 5;
/** Addresses per page whose statements are counted, after the timed ones. */
const COUNTED = 2;
const PER_PAGE = WARM + SAMPLES + COUNTED;

export type Sample = { stories: { path: string; at: Date; id: string }[]; tags: string[]; authors: string[]; children: string[] };

async function sample(baseUrl: string, databaseUrl: string): Promise<Sample> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const live = `s.status = 'PUBLISHED' AND s."sectionId" IS NOT NULL AND s."publishedAt" <= now()`;
    const stories = (
      await client.query<{ path: string; at: Date; id: string }>(
        `SELECT sec.slug || '/' || s.slug AS path, s."publishedAt" AS at, s.id FROM "Story" s TABLESAMPLE BERNOULLI (50)
         JOIN "Section" sec ON sec.id = s."sectionId" WHERE ${live} ORDER BY random() LIMIT ${PER_PAGE * 4}`,
      )
    ).rows;
    const tags = (await client.query<{ slug: string }>(`SELECT t.slug FROM "Tag" t WHERE EXISTS (SELECT 1 FROM "StoryTag" st WHERE st."tagId" = t.id AND st."liveAt" IS NOT NULL) ORDER BY random() LIMIT ${PER_PAGE * 3}`)).rows.map((r) => r.slug);
    const authors = (await client.query<{ slug: string }>(`SELECT u.slug FROM "User" u WHERE EXISTS (SELECT 1 FROM "StoryAuthor" a WHERE a."userId" = u.id) ORDER BY random() LIMIT ${PER_PAGE}`)).rows.map((r) => r.slug);
    // The story sitemaps a crawler would read: the files the sitemap index names (a month, or half
    // of a large one), in random order.
    const index = await (await fetch(`${baseUrl}/sitemap.xml`)).text();
    const children = [...index.matchAll(/\/sitemaps\/(stories-[0-9-]+)\.xml/g)].map((m) => m[1]!).sort(() => Math.random() - 0.5).slice(0, PER_PAGE);
    return { stories, tags, authors, children };
  } finally {
    await client.end();
  }
}

const WORDS = ['harbour', 'budget', 'election', 'transit', 'housing', 'council', 'water', 'hospital', 'fishing', 'emissions', 'merger', 'inquiry', 'contract', 'repairs', 'ministry', 'union'];

/**
 * Distinct two-word queries, so that no result is cached. Pairs (a, b) with b after a by 1, 2, 3…:
 * 240 different ones before any repeats. A salt shifts a; each WORDS.length of salt moves b three
 * further, so that a later pass (salt + 32) asks pairs the first never asked.
 */
function queries(n: number, salt: number): string[] {
  const out: string[] = [];
  const further = 3 * Math.floor(salt / WORDS.length);
  for (let i = 0; out.length < n; i++) {
    const a = (i + salt) % WORDS.length;
    out.push(`${WORDS[a]} ${WORDS[(a + 1 + further + Math.floor(i / WORDS.length)) % WORDS.length]}`);
  }
  return out;
}

async function time(fetcher: () => Promise<Response>): Promise<{ ms: number; ok: boolean }> {
  const started = performance.now();
  const response = await fetcher();
  await response.arrayBuffer();
  return { ms: performance.now() - started, ok: response.status < 400 };
}

function summarise(page: string, runs: { ms: number; ok: boolean }[]): PageTiming {
  const sorted = runs.map((r) => r.ms).sort((a, b) => a - b);
  return { page, samples: runs.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0, statusErrors: runs.filter((r) => !r.ok).length };
}

type Plan = [string, (i: number) => () => Promise<Response>][];

/** Every page of the bench, each a function of a sample number (0 to PER_PAGE - 1). */
async function planOf(baseUrl: string, s: Sample, authSecret: string, salt: number): Promise<Plan> {
  const get = (path: string) => () => fetch(`${baseUrl}${path}`, { redirect: 'manual' });
  const revalidated = (internal: string, path: string) => async () => {
    const body = JSON.stringify({ paths: [internal] });
    const signature = createHmac('sha256', authSecret).update(`revalidate:${body}`).digest('base64url');
    await fetch(`${baseUrl}${REVALIDATE_ROUTE}`, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signature }, body });
    return fetch(`${baseUrl}${path}`);
  };
  const cursorOf = (story: { at: Date; id: string }) => encodeURIComponent(encodeCursor({ at: story.at.toISOString(), id: story.id }));
  const section = (path: string) => path.split('/')[0]!;
  const story = (group: number, i: number) => s.stories[group * PER_PAGE + i]!;
  const tag = (group: number, i: number) => s.tags[group * PER_PAGE + i]!;
  const desk = new Session(baseUrl);
  await desk.signIn('editor@example.com', 'masthead-demo');
  return [
    ['article (first render)', (i) => get(`/${story(0, i).path}`)],
    ['section, older page', (i) => get(`/${section(story(1, i).path)}?cursor=${cursorOf(story(1, i))}`)],
    ['tag page', (i) => get(`/tags/${tag(0, i)}`)],
    ['tag feed', (i) => get(`/tags/${tag(1, i)}/feed.xml`)],
    ['author page', (i) => get(`/authors/${s.authors[i % s.authors.length]}`)],
    ['search', (i) => get(`/search?q=${encodeURIComponent(queries(PER_PAGE, salt)[i]!)}`)],
    ['front page', () => revalidated(INTERNAL_PAGES.front, '/')],
    ['site feed', () => revalidated(INTERNAL_PAGES.feed, '/feed.xml')],
    ['sitemap index', () => revalidated(INTERNAL_PAGES.sitemapIndex, '/sitemap.xml')],
    ['sitemap, one child', (i) => get(`/sitemaps/${s.children[i % s.children.length]}.xml`)],
    ['news sitemap', () => revalidated(INTERNAL_PAGES.newsSitemap, '/news-sitemap.xml')],
    ['API list by tag', (i) => get(`/api/v1/stories?tag=${tag(2, i)}`)],
    ['API list, older page', (i) => get(`/api/v1/stories?cursor=${cursorOf(story(2, i))}`)],
    ['API search', (i) => get(`/api/v1/stories?q=${encodeURIComponent(queries(PER_PAGE, salt + 7)[i]!)}`)],
    ['newsroom list, older page', (i) => () => desk.fetch(`/newsroom?cursor=${cursorOf(story(3, i))}`)],
    ['newsroom filter by tag', (i) => () => desk.fetch(`/newsroom?tag=${tag(0, i)}&status=PUBLISHED`)],
    ['newsroom search', (i) => () => desk.fetch(`/newsroom?q=${encodeURIComponent(queries(PER_PAGE, salt + 11)[i]!)}`)],
  ];
}

export type ArchiveMeasure = { sample: Sample; timings: PageTiming[] };

export async function benchArchivePages(baseUrl: string, databaseUrl: string, authSecret: string, salt: number): Promise<ArchiveMeasure> {
  const s = await sample(baseUrl, databaseUrl);
  const plan = await planOf(baseUrl, s, authSecret, salt);
  const timings: PageTiming[] = [];
  for (const [page, request] of plan) {
    for (let i = 0; i < WARM; i++) await time(request(i)); // code and connections, not data
    const runs: { ms: number; ok: boolean }[] = [];
    for (let i = WARM; i < WARM + SAMPLES; i++) runs.push(await time(request(i)));
    timings.push(summarise(page, runs));
  }
  return { sample: s, timings };
}

/**
 * The statements each page sends to PostgreSQL, on the counting server (`baseUrl`), at the sample's
 * addresses the timed server never asked for. Each page's code is warmed first at its timed address
 * 0, so that a module's one-time start-up is not counted.
 */
export async function countArchivePages(baseUrl: string, s: Sample, authSecret: string, salt: number, counter: QueryCounter): Promise<PageStatements[]> {
  const plan = await planOf(baseUrl, s, authSecret, salt);
  const out: PageStatements[] = [];
  for (const [page, request] of plan) {
    await time(request(0));
    const statements: number[] = [];
    for (let i = WARM + SAMPLES; i < PER_PAGE; i++) {
      await settled(counter);
      const before = counter.count();
      const { ok } = await time(request(i));
      if (!ok) throw new Error(`${page} failed on the counting server`);
      await settled(counter);
      statements.push(counter.count() - before);
    }
    out.push({ page, statements });
  }
  return out;
}

/** Waits until the relay has seen no statement for 100 ms (a page's work after its response ends). */
async function settled(counter: QueryCounter) {
  let last = -1;
  while (counter.count() !== last) {
    last = counter.count();
    await new Promise((r) => setTimeout(r, 100));
  }
}
