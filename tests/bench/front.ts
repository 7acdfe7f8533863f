import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { withDataLayer } from './data-layer';
import { percentile } from './http';

// The reading path at scale: the article through each layer, measured with wrk side by side in one
// run (origin cached by Next, the Varnish front, nginx serving the same bytes), plus first renders
// and publish/unpublish → visible through the front.

export const FRONT_BENCH_PORT = 3280;
const NGINX_PORT = 3281;

function have(command: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
}

/** wrk and nginx come from Debian, installed here the way the tests install Chromium and Varnish. */
export function ensureBenchTools(): string[] {
  const missing = [['wrk', 'wrk'], ['nginx', 'nginx-light']].filter(([cmd]) => !have(cmd!) && !existsSync(`/usr/sbin/${cmd}`));
  if (missing.length && process.getuid?.() === 0) {
    spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...missing.map(([, pkg]) => pkg!)], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  }
  return [['wrk', 'wrk'], ['nginx', 'nginx-light']].filter(([cmd]) => !have(cmd!) && !existsSync(`/usr/sbin/${cmd}`)).map(([, pkg]) => pkg!);
}

export type WrkResult = { name: string; rps: number; p50: number; p99: number };

export function wrk(name: string, url: string, options: { connections?: number; threads?: number; seconds?: number; gzip?: boolean } = {}): WrkResult {
  const { connections = 32, threads = 2, seconds = 6, gzip = false } = options;
  const args = ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', ...(gzip ? ['-H', 'Accept-Encoding: gzip'] : []), url];
  const out = spawnSync('wrk', args, { encoding: 'utf8' });
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  return parseWrk(name, url, out.stdout);
}

/** wrk's --latency report as figures; answers other than 2xx and 3xx fail the run. */
export function parseWrk(name: string, url: string, stdout: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]);
  const toMs = (value: string) => {
    const [, n, unit] = /([\d.]+)(us|ms|s)/.exec(value)!;
    return Number(n) * (unit === 'us' ? 0.001 : unit === 's' ? 1000 : 1);
  };
  const p50 = toMs(/^\s+50%\s+(\S+)/m.exec(stdout)![1]!);
  const p99 = toMs(/^\s+99%\s+(\S+)/m.exec(stdout)![1]!);
  if (/Non-2xx/.test(stdout)) throw new Error(`${url} answered errors under load:\n${stdout}`);
  return { name, rps, p50, p99 };
}

/** nginx with one worker serving `html` for every request, as the static ceiling. */
export async function startNginx(html: Buffer): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'masthead-nginx-'));
  // Started as root, nginx's worker runs as www-data and must be able to read the page.
  chmodSync(dir, 0o755);
  writeFileSync(path.join(dir, 'index.html'), html, { mode: 0o644 });
  // Browsers ask for gzip; the front stores the origin's gzipped copy. nginx gets one made once.
  writeFileSync(path.join(dir, 'index.html.gz'), gzipSync(html), { mode: 0o644 });
  writeFileSync(
    path.join(dir, 'nginx.conf'),
    `worker_processes 1; daemon off; pid ${dir}/nginx.pid; error_log ${dir}/error.log;
events { worker_connections 1024; }
http { access_log off; keepalive_requests 100000;
  client_body_temp_path ${dir}/body; proxy_temp_path ${dir}/proxy; fastcgi_temp_path ${dir}/fastcgi; uwsgi_temp_path ${dir}/uwsgi; scgi_temp_path ${dir}/scgi;
  server { listen 127.0.0.1:${NGINX_PORT}; gzip_static on; location / { root ${dir}; default_type text/html; try_files /index.html =404; } } }`,
  );
  const nginx = existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
  const child = spawn(nginx, ['-c', path.join(dir, 'nginx.conf'), '-p', dir], { stdio: 'ignore' });
  const url = `http://127.0.0.1:${NGINX_PORT}/`;
  await waitFor(url, child).catch((error: unknown) => {
    child.kill('SIGTERM');
    throw error;
  });
  return {
    url,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(url: string, child: ChildProcess) {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url, { signal: AbortSignal.timeout(5000) })).ok) return;
    } catch {
      // not yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer`);
}

/** `npm run front` in front of the bench server. */
export async function startBenchFront(backendPort: number): Promise<{ url: string; stop: () => Promise<void> }> {
  // Node itself, not the tsx command, whose stop may leave Varnish running (tests/e2e/support/front.ts).
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/front.ts'], {
    env: { ...process.env, PORT: String(backendPort), FRONT_PORT: String(FRONT_BENCH_PORT), FRONT_HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${FRONT_BENCH_PORT}`;
  await waitFor(`${url}/api/ready`, child);
  return {
    url,
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(null) : child.once('exit', r)));
    },
  };
}

/**
 * Publishes and then unpublishes `rounds` stories through the data layer from this process (as
 * another instance or the worker would), timing until the front shows each change: the story at
 * its URL, then 410 Gone. Also times each story's first render at the origin against its second.
 */
export async function benchFrontChanges(originUrl: string, frontUrl: string, databaseUrl: string, rounds = 20) {
  if (!process.env.MASTHEAD_FRONT_URLS?.includes(frontUrl)) throw new Error('Set MASTHEAD_FRONT_URLS to the front before the data layer first loads.');
  // The data layer reads its configuration once per process: scripts/bench.ts has already named
  // this front in MASTHEAD_FRONT_URLS, so the purges of these changes go to it.
  const { publish, unpublish, firstRender, cachedRender } = await withDataLayer(databaseUrl, async () => {
    const { db } = await import('@/lib/db');
    const { createStory } = await import('@/lib/data/stories');
    const { transitionStory } = await import('@/lib/data/workflow');
    const person = (email: string) => db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true, active: true, name: true, email: true } });
    const [reporter, editor] = await Promise.all([person('reporter@example.com'), person('editor@example.com')]);
    const section = await db.section.findUniqueOrThrow({ where: { slug: 'business' }, select: { id: true } });
    const until = async (url: string, status: number, t0: number) => {
      while ((await fetch(url, { redirect: 'manual' }).then(async (r) => (await r.arrayBuffer(), r.status))) !== status) {
        if (performance.now() - t0 > 15_000) throw new Error(`${url} did not answer ${status} within 15 s.`);
      }
      return performance.now() - t0;
    };
    const publish: number[] = [];
    const unpublish: number[] = [];
    const firstRender: number[] = [];
    const cachedRender: number[] = [];
    for (let i = 0; i < rounds; i++) {
      const story = await createStory(reporter, {
        headline: `Front bench ${i} ${Date.now()}`, dek: '', slug: '', sectionId: section.id, tags: ['Bench'], bylineIds: [reporter.id],
        creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Published by the benchmark.' }] }] },
      });
      let version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: story.version })).version;
      version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
      const path = `/business/${story.slug}`;
      // Readers are already looking through the front: the 404 and the section are cached there.
      await fetch(`${frontUrl}${path}`).then((r) => r.arrayBuffer());
      await fetch(`${frontUrl}/business`).then((r) => r.arrayBuffer());
      let t0 = performance.now();
      version = (await transitionStory(editor, story.id, 'publish', { baseVersion: version })).version;
      publish.push(await until(`${frontUrl}${path}`, 200, t0));
      t0 = performance.now();
      version = (await transitionStory(editor, story.id, 'unpublish', { baseVersion: version })).version;
      unpublish.push(await until(`${frontUrl}${path}`, 410, t0));
    }
    // First render against cached render at the origin, on published stories nobody has read yet.
    for (let i = 0; i < rounds; i++) {
      const story = await createStory(reporter, {
        headline: `Render bench ${i} ${Date.now()}`, dek: '', slug: '', sectionId: section.id, tags: ['Bench'], bylineIds: [reporter.id],
        creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null,
        body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Rendered by the benchmark. '.repeat(200) }] }] },
      });
      let version = (await transitionStory(reporter, story.id, 'submit', { baseVersion: story.version })).version;
      version = (await transitionStory(editor, story.id, 'approve', { baseVersion: version })).version;
      await transitionStory(editor, story.id, 'publish', { baseVersion: version });
      const url = `${originUrl}/business/${story.slug}`;
      let t0 = performance.now();
      await fetch(url).then((r) => r.arrayBuffer());
      firstRender.push(performance.now() - t0);
      t0 = performance.now();
      await fetch(url).then((r) => r.arrayBuffer());
      cachedRender.push(performance.now() - t0);
    }
    return { publish, unpublish, firstRender, cachedRender };
  });
  const stats = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
  };
  return { rounds, publish: stats(publish), unpublish: stats(unpublish), firstRender: stats(firstRender), cachedRender: stats(cachedRender) };
}
