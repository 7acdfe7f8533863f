import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { percentile } from './http';
import { parseWrk, startNginx, type WrkResult } from './front';

// A live blog at breaking-news scale: how long an entry takes to show in live.json through the
// front, and what the front and the origin do while readers poll and an entry goes out every 2 s.
// Readers are wrk connections that poll as the page's script does (If-None-Match with the last
// ETag they saw), next to connections that always ask in full, next to nginx serving the same
// bytes. The origin's renders are the front's backend fetches (varnishstat), counted per entry.

type Stats = { p50: number; p95: number; max: number };
const stats = (values: number[]): Stats => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
};

// Each wrk thread keeps the ETag it last saw and sends it back, as a poller does.
const POLLER = `
local etag = nil
request = function()
  if etag then return wrk.format(nil, nil, { ["If-None-Match"] = etag }) end
  return wrk.format()
end
response = function(status, headers, body)
  local seen = headers["ETag"] or headers["etag"] or headers["Etag"]
  if seen then etag = seen end
end
`;

function wrkAsync(name: string, url: string, options: { seconds: number; script?: string }): Promise<WrkResult> {
  const args = ['-t', '2', '-c', '32', '-d', `${options.seconds}s`, '--latency', ...(options.script ? ['-s', options.script] : []), url];
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', args);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('exit', (code) => (code === 0 ? resolve(parseWrk(name, url, out)) : reject(new Error(`wrk failed: ${err}`))));
  });
}

/** The front's fetches from the origin so far (its workdir is named by its port, as scripts/front.ts does). */
function backendFetches(frontPort: number): number {
  const out = spawnSync('varnishstat', ['-n', path.join(os.tmpdir(), `masthead-front-${frontPort}`), '-1', '-f', 'MAIN.backend_req'], { encoding: 'utf8' });
  const n = Number(/MAIN\.backend_req\s+(\d+)/.exec(out.stdout)?.[1]);
  if (!Number.isFinite(n)) throw new Error(`varnishstat gave no backend_req: ${out.stderr || out.stdout}`);
  return n;
}

export type LiveBench = {
  rounds: number;
  visible: Stats;
  readers: { nginx: WrkResult; full: WrkResult; pollers: WrkResult; entries: number; renders: number; entriesPolled: number; rendersPolled: number };
  scriptGzipBytes: number;
};

export async function benchLiveBlog(frontUrl: string, frontPort: number, databaseUrl: string, rounds = 20): Promise<LiveBench> {
  const previous = process.env.DATABASE_URL;
  process.env.DATABASE_URL = databaseUrl;
  const { db } = await import('@/lib/db');
  const { createStory } = await import('@/lib/data/stories');
  const { transitionStory } = await import('@/lib/data/workflow');
  const { makeLiveBlog, postEntry } = await import('@/lib/data/live-entries');
  const { docFromPlainText } = await import('@/lib/editor/plain-text');
  const editor = await db.user.findUniqueOrThrow({ where: { email: 'editor@example.com' }, select: { id: true, role: true, active: true, name: true, email: true } });
  const reporter = await db.user.findUniqueOrThrow({ where: { email: 'reporter@example.com' }, select: { id: true } });
  const section = await db.section.findUniqueOrThrow({ where: { slug: 'world' }, select: { id: true } });
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-live-bench-'));
  try {
    const story = await createStory(editor, {
      headline: `Live bench ${Date.now()}`, dek: '', slug: '', sectionId: section.id, tags: [], bylineIds: [reporter.id],
      creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null,
      body: docFromPlainText('Key points of the day.'),
    });
    await makeLiveBlog(editor, story.id);
    let version = (await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { version: true } })).version;
    for (const step of ['submit', 'approve', 'publish'] as const) version = (await transitionStory(editor, story.id, step, { baseVersion: version })).version;
    const url = `${frontUrl}/world/${story.slug}/live.json`;
    const post = (n: number) => postEntry(editor, story.id, { headline: '', keyEvent: false, body: docFromPlainText(`Update ${n}: the delegations return to the table after a short break.`) });

    // Post → in live.json through the front; readers already have it cached there.
    const visible: number[] = [];
    for (let i = 0; i < rounds; i++) {
      await fetch(url).then((r) => r.arrayBuffer());
      const t0 = performance.now();
      const { id } = await post(i);
      for (;;) {
        const text = await fetch(url).then((r) => r.text());
        if (text.includes(id)) break;
        if (performance.now() - t0 > 15_000) throw new Error(`Entry ${i} was not in ${url} within 15 s.`);
      }
      visible.push(performance.now() - t0);
    }

    // Readers: nginx with the same bytes, then the front asked in full, then pollers with ETags,
    // an entry going out every 2 s during each front run.
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    const nginx = await startNginx(body);
    let nginxResult: WrkResult;
    try {
      nginxResult = await wrkAsync('nginx, same bytes (1 worker)', nginx.url, { seconds: 10 });
    } finally {
      nginx.stop();
    }
    const script = path.join(dir, 'poller.lua');
    writeFileSync(script, POLLER);
    let posted = rounds;
    const underPosting = async (name: string, scriptFile?: string) => {
      const before = backendFetches(frontPort);
      let entries = 0;
      const timer = setInterval(() => {
        entries++;
        void post(posted++);
      }, 2000);
      try {
        const result = await wrkAsync(name, url, { seconds: 10, script: scriptFile });
        return { result, entries, renders: backendFetches(frontPort) - before };
      } finally {
        clearInterval(timer);
      }
    };
    const full = await underPosting('front, asked in full');
    const pollers = await underPosting('front, pollers with If-None-Match', script);
    const scriptGzipBytes = gzipSync(readFileSync(path.join('public', 'live-v1.js'))).length;
    return {
      rounds,
      visible: stats(visible),
      readers: { nginx: nginxResult, full: full.result, pollers: pollers.result, entries: full.entries, renders: full.renders, entriesPolled: pollers.entries, rendersPolled: pollers.renders },
      scriptGzipBytes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    if (previous === undefined) delete process.env.DATABASE_URL;
    else process.env.DATABASE_URL = previous;
  }
}
