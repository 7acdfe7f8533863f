import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import pg from 'pg';
import { percentile } from './http';
import type { QueryCounter } from './pg-counter';

export const ARTICLE = '/world/yoon-ishiba-second-summit-lima';

type LoadResult = { name: string; requests: number; rps: number; p50: number; p99: number };

/** Closed-loop load: `concurrency` clients, each sending the next request when the last answers. */
async function load(name: string, url: string, durationMs: number, concurrency: number): Promise<LoadResult> {
  const latencies: number[] = [];
  const until = performance.now() + durationMs;
  const client = async () => {
    while (performance.now() < until) {
      const t0 = performance.now();
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${url} answered ${response.status}`);
      latencies.push(performance.now() - t0);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, client));
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { name, requests: latencies.length, rps: latencies.length / elapsed, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

/** A static file server in its own process serving `html` for every request: the ceiling. */
async function startStaticServer(html: Buffer): Promise<{ url: string; stop: () => void }> {
  const script = `
    const http = require('node:http');
    const body = Buffer.from(process.env.BODY, 'base64');
    const server = http.createServer((req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }); res.end(body); });
    server.keepAliveTimeout = 5000;
    server.listen(0, '127.0.0.1', () => console.log(server.address().port));`;
  const child = spawn(process.execPath, ['-e', script], { env: { ...process.env, BODY: html.toString('base64') }, stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  return { url: `http://127.0.0.1:${port}/`, stop: () => child.kill() };
}

export async function benchArticleThroughput(baseUrl: string, options = { durationMs: 6000, concurrency: 16 }) {
  const html = Buffer.from(await (await fetch(`${baseUrl}${ARTICLE}`)).arrayBuffer());
  const staticServer = await startStaticServer(html);
  try {
    // Warm both, then measure them alternately so that drift on the machine hits both alike.
    await load('warm', `${baseUrl}${ARTICLE}`, 1500, options.concurrency);
    await load('warm', staticServer.url, 1000, options.concurrency);
    const next = await load('next start (article page)', `${baseUrl}${ARTICLE}`, options.durationMs, options.concurrency);
    const flat = await load('static server, same bytes', staticServer.url, options.durationMs, options.concurrency);
    return { htmlBytes: html.length, concurrency: options.concurrency, rows: [flat, next] };
  } finally {
    staticServer.stop();
  }
}

/** JS a reader's browser downloads per public route, gzipped, and whether any of it is ours. */
export async function benchShippedJs(baseUrl: string, routes: string[]) {
  const cache = new Map<string, number>();
  const rows: { route: string; scripts: number; gzipBytes: number; inlineDataBytes: number }[] = [];
  for (const route of routes) {
    const html = await (await fetch(`${baseUrl}${route}`)).text();
    const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1]!);
    let gzipBytes = 0;
    for (const src of sources) {
      if (!cache.has(src)) cache.set(src, gzipSync(Buffer.from(await (await fetch(new URL(src, baseUrl))).arrayBuffer())).length);
      gzipBytes += cache.get(src)!;
    }
    // Inline scripts carry the React Server Components payload (data, not code).
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1]!).length, 0);
    rows.push({ route, scripts: sources.length, gzipBytes, inlineDataBytes: inline });
  }
  return rows;
}

/** Client components of this project (not Next's) that a reading route ships. Expected: none. */
export function ourClientModules(manifestPaths: string[]): string[] {
  const ours = new Set<string>();
  for (const file of manifestPaths) {
    const text = readFileSync(file, 'utf8');
    const json = JSON.parse(text.slice(text.indexOf('= {') + 2).replace(/;\s*$/, '')) as { clientModules: Record<string, unknown> };
    for (const key of Object.keys(json.clientModules)) if (!key.includes('/node_modules/')) ours.add(key);
  }
  return [...ours];
}

async function storyTagsOf(db: pg.Client, slug: string): Promise<string> {
  const { rows } = await db.query<{ id: string; section: string; tags: string[]; authors: string[] }>(
    `SELECT s.id, sec.slug AS section,
       ARRAY(SELECT t.slug FROM "StoryTag" st JOIN "Tag" t ON t.id = st."tagId" WHERE st."storyId" = s.id) AS tags,
       ARRAY(SELECT u.slug FROM "StoryAuthor" sa JOIN "User" u ON u.id = sa."userId" WHERE sa."storyId" = s.id) AS authors
     FROM "Story" s JOIN "Section" sec ON sec.id = s."sectionId" WHERE s.slug = $1`,
    [slug],
  );
  const r = rows[0]!;
  return [`story:${r.id}`, `section:${r.section}`, ...r.tags.map((t) => `tag:${t}`), ...r.authors.map((a) => `author:${a}`), 'home', 'feeds', 'sitemaps', 'directory'].join(' ');
}

/** Copies the summit story with 20 tags and 5 bylines: the query count must not grow with them. */
async function createHeavyStory(db: pg.Client): Promise<string> {
  const slug = 'bench-many-tags-and-bylines';
  await db.query(`DELETE FROM "Story" WHERE slug = $1`, [slug]);
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO "Story" (id, headline, dek, slug, body, "plainText", "wordCount", status, "sectionId", "createdById", "updatedAt", "publishedAt", "firstPublishedAt", "creditLine", dateline)
     SELECT 'benchheavy' || substr(md5(random()::text), 1, 12), headline || ' (bench copy)', dek, $1, body, "plainText", "wordCount", status, "sectionId", "createdById", now(), "publishedAt", "firstPublishedAt", "creditLine", dateline
     FROM "Story" WHERE slug = 'yoon-ishiba-second-summit-lima' RETURNING id`,
    [slug],
  );
  const id = rows[0]!.id;
  for (let i = 0; i < 20; i++) {
    const tag = await db.query<{ id: string }>(`INSERT INTO "Tag" (id, name, slug) VALUES ($1, $2, $3) ON CONFLICT (slug) DO UPDATE SET name = EXCLUDED.name RETURNING id`, [`benchtag${i}`, `Bench tag ${i}`, `bench-tag-${i}`]);
    await db.query(`INSERT INTO "StoryTag" ("storyId", "tagId") VALUES ($1, $2)`, [id, tag.rows[0]!.id]);
  }
  const users = await db.query<{ id: string }>(`SELECT id FROM "User" ORDER BY email LIMIT 5`);
  for (const [position, user] of users.rows.entries()) await db.query(`INSERT INTO "StoryAuthor" ("storyId", "userId", position) VALUES ($1, $2, $3)`, [id, user.id, position]);
  return `/world/${slug}`;
}

/** SQL statements the server sends to render an article: with an empty cache, and from the cache. */
export async function benchQueriesPerRender(baseUrl: string, databaseUrl: string, counter: QueryCounter) {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const heavy = await createHeavyStory(db);
    const rows: { page: string; tags: number; bylines: number; cold: number[]; warm: number }[] = [];
    for (const [path, slug] of [
      [ARTICLE, 'yoon-ishiba-second-summit-lima'],
      [heavy, 'bench-many-tags-and-bylines'],
    ] as const) {
      const tags = await storyTagsOf(db, slug);
      const measure = async () => {
        await new Promise((r) => setTimeout(r, 150));
        const before = counter.count();
        const response = await fetch(`${baseUrl}${path}`);
        await response.text();
        if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
        await new Promise((r) => setTimeout(r, 150));
        return counter.count() - before;
      };
      const cold: number[] = [];
      for (let i = 0; i < 3; i++) {
        await db.query(`SELECT pg_notify('masthead_cache', $1)`, [tags]); // the app's own invalidation message
        cold.push(await measure());
      }
      const warm = await measure();
      const t = tags.split(' ');
      rows.push({ page: path, tags: t.filter((x) => x.startsWith('tag:')).length, bylines: t.filter((x) => x.startsWith('author:')).length, cold, warm });
    }
    return rows;
  } finally {
    await db.end();
  }
}
