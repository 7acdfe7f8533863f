import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { parseArgs } from 'node:util';
import next from 'next';
import { keysForPath, xkeyHeader } from '../lib/cache/front-keys';
import { isInternalPath } from '../lib/cache/page-paths';
import { COLLAB_PATH } from '../lib/collab/names';
import { runningCollab } from '../lib/collab/registry';
import { databaseDownSince } from '../lib/db-availability';
import { log, redactPath, withRequest } from '../lib/log';
import { OUTAGE_JSON, OUTAGE_PAGE, OUTAGE_RETRY_SECONDS } from '../lib/outage-page';
import { CLIENT_HEADER, clientAddress } from '../lib/security/client-address';
import { API_POLICY, publicPolicy, usesNonce } from '../lib/security/csp';
import { frameOrigins } from '../lib/security/frame-origins';

// The HTTP server in front of Next (`npm run dev` and `npm start` run it). What only it can do:
// - Know who connected. Next keeps a client-sent X-Forwarded-For as it is, so behind no proxy a
//   client could name any address; here the address comes from the socket and from exactly
//   MASTHEAD_TRUSTED_PROXIES trusted hops, and is passed on in a header no client can set.
// - Set headers that depend on the running configuration: HSTS when the site is served over
//   https, and the Content-Security-Policy of pages that proxy.ts does not give a nonce.
// - Mark public responses with surrogate keys for the cache front (`xkey`), from the path alone.
// - Take WebSocket upgrades, which Next does not handle: writing together (lib/collab/server.ts,
//   started by instrumentation.ts in this same process) answers them on the pages' port.

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { port: { type: 'string', default: process.env.PORT ?? '3000' }, hostname: { type: 'string' } },
});
const dev = positionals[0] === 'dev';
const port = Number(values.port);
// The app calls its own server (page revalidation from outside a request) on this port.
process.env.PORT = String(port);
const hostname = values.hostname;
const trustedProxies = Number(process.env.MASTHEAD_TRUSTED_PROXIES ?? 0) || 0;
const siteUrl = process.env.MASTHEAD_SITE_URL || process.env.AUTH_URL || '';
const hsts = siteUrl.startsWith('https:') ? 'max-age=63072000; includeSubDomains' : null;
// The public policy changes only with the embed providers' players: rebuilt when they do.
let pagePolicy = { frames: frameOrigins(), value: publicPolicy(dev, frameOrigins()) };
function currentPagePolicy(): string {
  const frames = frameOrigins();
  if (frames !== pagePolicy.frames) pagePolicy = { frames, value: publicPolicy(dev, frames) };
  return pagePolicy.value;
}

// No route takes a NUL in its address, and PostgreSQL cannot store one: refused here, for every
// route at once, before it could reach a query as a server error.
const NUL = /%00|\u0000/i;

/**
 * The id a request is logged under: the one a trusted proxy in front already gave it (so that one
 * request can be followed through the front and the app), or a new one. Answered in X-Request-Id.
 */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers['x-request-id'];
  const id = trustedProxies > 0 && typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  return id;
}

/** False when the request has been answered here. */
function prepare(req: IncomingMessage, res: ServerResponse): boolean {
  if (NUL.test(req.url ?? '')) {
    res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Addresses may not contain NUL characters.\n');
    return false;
  }
  const pathname = (req.url ?? '/').split('?')[0]!;
  if (isInternalPath(pathname)) {
    // Rewrite targets (next.config.js): reachable only through the addresses readers use.
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end('Not found.\n');
    return false;
  }
  const client = clientAddress(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustedProxies);
  req.headers[CLIENT_HEADER] = client;
  req.headers['x-forwarded-for'] = client;
  if (hsts) res.setHeader('Strict-Transport-Security', hsts);
  whenDatabaseDownAnswer503(req, res);
  const keys = keysForPath(pathname);
  if (keys) res.setHeader('xkey', xkeyHeader(keys));
  if (pathname.startsWith('/api/')) res.setHeader('Content-Security-Policy', API_POLICY);
  else if (!usesNonce(pathname) && !pathname.startsWith('/_next/')) res.setHeader('Content-Security-Policy', currentPagePolicy());
  return true;
}

// A page that failed while the database is unreachable is not a server error but a temporary
// outage: 503 with Retry-After, never cached, so browsers, crawlers and the cache front come back.
// Next's own error output needs JavaScript to show anything, so a page of our own replaces it.
function whenDatabaseDownAnswer503(req: IncomingMessage, res: ServerResponse) {
  const writeHead = res.writeHead.bind(res) as (...args: unknown[]) => ServerResponse;
  const write = res.write.bind(res) as (...args: unknown[]) => boolean;
  const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
  let replaced = false;
  let heldHead: unknown[] | null = null;
  const release = () => {
    if (heldHead && !res.headersSent) writeHead(500, ...heldHead);
    heldHead = null;
  };
  const failedForDatabase = () => res.statusCode === 500 && !res.headersSent && databaseDownSince() !== null;
  const replace = () => {
    replaced = true;
    const api = (req.url ?? '').startsWith('/api/');
    const body = api ? OUTAGE_JSON : OUTAGE_PAGE;
    for (const name of res.getHeaderNames()) if (!['strict-transport-security', 'content-security-policy'].includes(name)) res.removeHeader(name);
    writeHead(503, {
      'content-type': api ? 'application/json' : 'text/html; charset=utf-8',
      'content-length': Buffer.byteLength(body),
      'retry-after': String(OUTAGE_RETRY_SECONDS),
      'cache-control': 'no-store',
    });
    end(body);
  };
  const callbackIn = (args: unknown[]) => args.find((a) => typeof a === 'function') as (() => void) | undefined;
  // A 500 is held back (not sent) until its body comes, which is then ours if the database is down.
  res.writeHead = ((status: number, ...rest: unknown[]) => {
    if (status === 500 && databaseDownSince() !== null && !res.headersSent) {
      res.statusCode = 500;
      heldHead = rest;
      return res;
    }
    return writeHead(status, ...rest);
  }) as typeof res.writeHead;
  res.write = ((...args: unknown[]) => {
    if (replaced) return true;
    if (failedForDatabase()) {
      replace();
      return true;
    }
    release();
    return write(...args);
  }) as typeof res.write;
  res.end = ((...args: unknown[]) => {
    if (replaced || failedForDatabase()) {
      if (!replaced) replace();
      callbackIn(args)?.();
      return res;
    }
    release();
    return end(...args);
  }) as typeof res.end;
}

/** The job queue this process started (lib/jobs/boss.ts keeps it on globalThis), stopped gracefully. */
async function stopJobQueue(): Promise<void> {
  const holder = globalThis as unknown as { boss?: Promise<{ stop: (options: { graceful: boolean; wait: boolean; timeout?: number }) => Promise<void> }> };
  const starting = holder.boss;
  holder.boss = undefined;
  if (!starting) return;
  try {
    await (await starting).stop({ graceful: true, wait: true, timeout: 10_000 });
  } catch (error) {
    console.error(`[masthead] The job queue did not stop cleanly: ${error instanceof Error ? error.message : String(error)}`);
  }
}

async function main() {
  const app = next({ dev, hostname, port, turbopack: dev });
  const handle = app.getRequestHandler();
  await app.prepare();
  const server = createServer((req, res) => {
    const requestId = requestIdOf(req);
    res.setHeader('X-Request-Id', requestId);
    const started = process.hrtime.bigint();
    res.once('finish', () => {
      const path = redactPath((req.url ?? '/').split('?')[0]!);
      // Every request in production, at info; in development Next prints its own request lines.
      const level = dev || path.startsWith('/_next/') ? 'debug' : 'info';
      log[level]({ requestId, method: req.method, path, status: res.statusCode, ms: Number((process.hrtime.bigint() - started) / 100_000n) / 10 }, 'request');
    });
    if (!prepare(req, res)) return;
    withRequest(requestId, () =>
      handle(req, res).catch((error: unknown) => {
        log.error({ err: error }, 'request failed');
        if (!res.headersSent) res.writeHead(500).end();
      }),
    );
  });
  // WebSockets: writing together (lib/collab) on COLLAB_PATH; in development, Next's own (hot reload).
  const nextUpgrade = dev ? app.getUpgradeHandler() : null;
  server.on('upgrade', (req, socket, head) => {
    const pathname = (req.url ?? '/').split('?')[0];
    const collab = runningCollab();
    if (pathname === COLLAB_PATH && collab) return collab.upgrade(req, socket, head);
    if (nextUpgrade) return void nextUpgrade(req, socket, head);
    socket.end('HTTP/1.1 404 Not Found\r\n\r\n');
  });
  // Next adds an upgrade listener of its own to the server on its first request, which ends every
  // socket it does not know, ours included: upgrades are routed above, so no second listener.
  const on = server.on.bind(server);
  server.on = ((event: string, listener: Parameters<typeof on>[1]) => (event === 'upgrade' ? server : on(event, listener))) as typeof server.on;
  server.listen(port, hostname, () => console.log(`[masthead] Listening on http://${hostname ?? 'localhost'}:${port}`));

  // Shutdown, in order: the shared documents of writing together (each stored to its story), the
  // job queue (it finishes the job in hand and stops taking new ones), then Next (no new requests; those in flight finish), and PostgreSQL last,
  // stopped by whoever started it (scripts/run.ts) once this process has exited.
  let closing = false;
  const stop = async () => {
    if (closing) return;
    closing = true;
    setTimeout(() => {
      console.error('[masthead] Shutdown took over 15 s; exiting anyway.');
      process.exit(1);
    }, 15_000).unref();
    // Shared documents first: each is written to its story before the database goes away.
    await runningCollab()?.stop({ store: true });
    await stopJobQueue();
    console.log('[masthead] Job queue stopped.');
    server.close();
    server.closeIdleConnections();
    await app.close().catch(() => {});
    console.log('[masthead] Next stopped.');
    log.flush();
    process.exit(0);
  };
  // Started by scripts/run.ts: if it is killed outright (no signal to forward), stop rather than
  // keep the port and the database connections of a server nobody can stop any more.
  const parent = Number(process.env.MASTHEAD_PARENT_PID);
  if (parent > 0) {
    setInterval(() => {
      try {
        process.kill(parent, 0);
      } catch {
        console.error('[masthead] The process that started this server is gone; stopping.');
        void stop();
      }
    }, 1_000).unref();
  }
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error) => {
  console.error(`[masthead] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
