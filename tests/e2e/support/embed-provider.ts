import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import sharp from 'sharp';

// A local oEmbed provider for e2e, on 127.0.0.1 like everything the tests talk to: its oEmbed
// endpoint, thumbnails, and a player page to be framed after a reader presses play. The server
// under test gets a providers file naming it (MASTHEAD_EMBED_PROVIDERS), as a newsroom pins its
// list. Tests set a post's answer through POST /__answers/<id> (the payloads of the XSS sweep).

export const EMBED_PROVIDER_PORT = Number(process.env.E2E_EMBED_PORT ?? 3195);
export const EMBED_PROVIDER_URL = `http://127.0.0.1:${EMBED_PROVIDER_PORT}`;
export const EMBED_PROVIDERS_FILE = path.resolve('test-results/e2e-embed-providers.json');

type Answer = Record<string, unknown>;

export async function startEmbedProvider(): Promise<() => Promise<void>> {
  const base = EMBED_PROVIDER_URL;
  const thumbnail = await sharp({ create: { width: 1280, height: 720, channels: 3, background: '#245f73' } }).png().toBuffer();
  const answers = new Map<string, Answer>();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (req.method === 'POST' && url.pathname.startsWith('/__answers/')) {
      let text = '';
      req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
      req.on('end', () => {
        answers.set(url.pathname.slice('/__answers/'.length), JSON.parse(text) as Answer);
        res.writeHead(204).end();
      });
      return;
    }
    if (url.pathname === '/oembed') {
      const asked = new URL(url.searchParams.get('url') ?? '', base);
      const [, kind, id] = /^\/(video|post)\/([\w-]+)$/.exec(asked.pathname) ?? [];
      if (!kind || !id || id === 'gone') return res.writeHead(404).end();
      const answer: Answer = answers.get(id) ?? {
        type: kind === 'video' ? 'video' : 'rich',
        version: '1.0',
        title: kind === 'video' ? `Harbour cranes at work (${id})` : `Port authority statement (${id})`,
        author_name: 'Harbour TV',
        author_url: `${base}/channel`,
        provider_name: 'Harbour Video',
        thumbnail_url: `${base}/thumb/${id}.png`,
        thumbnail_width: 1280,
        thumbnail_height: 720,
        html: kind === 'video' ? `<iframe src="${base}/player/${id}" width="640" height="360"></iframe><script src="${base}/tracker.js"></script>` : `<blockquote><p>The port reopens at six.</p></blockquote><script src="${base}/tracker.js"></script>`,
      };
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(answer));
    }
    if (url.pathname.startsWith('/thumb/')) return res.writeHead(200, { 'content-type': 'image/png' }).end(thumbnail);
    if (url.pathname.startsWith('/player/')) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(`<!doctype html><title>Player</title><body style="margin:0;background:#000;color:#fff;font:16px sans-serif"><p>Playing ${url.pathname.slice(8)}</p></body>`);
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(EMBED_PROVIDER_PORT, '127.0.0.1', resolve);
  });
  mkdirSync(path.dirname(EMBED_PROVIDERS_FILE), { recursive: true });
  writeFileSync(
    EMBED_PROVIDERS_FILE,
    JSON.stringify([
      {
        provider_name: 'Harbour Video',
        provider_url: `${base}/`,
        endpoints: [{ schemes: [`${base}/video/*`, `${base}/post/*`], url: `${base}/oembed` }],
        player_hosts: [base],
      },
    ]),
  );
  return async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  };
}
