import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { Session, percentile } from './http';

// Wire copy: ingest throughput by push (NewsML-G2 and ninjs) and through the folder, and the time
// from a push until the item is on the Wires desk as an editor's open page sees it (the desk's
// long poll answers, then the page is read). Each throughput is printed next to a baseline from the
// same run: the same endpoint refusing a wrong token, which does everything but parse and write.

const ITEMS = 300;
const CONCURRENCY = 8;
const VISIBLE_ROUNDS = 20;

const newsml = (guid: string, n: number) => `<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="1">
  <itemMeta><itemClass qcode="ninat:text"/><provider literal="Bench Wire"/><versionCreated>2026-12-05T08:00:00Z</versionCreated><pubStatus qcode="stat:usable"/></itemMeta>
  <contentMeta><urgency>4</urgency><slugline>BENCH-${n}</slugline><headline>Bench item ${n} from the harbour</headline><subject qcode="medtop:04000000"><name>economy, business and finance</name></subject></contentMeta>
  <contentSet><inlineXML contenttype="application/nitf+xml"><nitf xmlns="http://iptc.org/std/NITF/2006-10-18/"><body><body.content>
    ${Array.from({ length: 8 }, (_, p) => `<p>Paragraph ${p + 1} of bench item ${n}: dockworkers, ships and the ministry's talks, with <b>figures</b> and <a href="https://port.example/${n}">a link</a>.</p>`).join('')}
  </body.content></body></nitf></inlineXML></contentSet>
</newsItem>`;

const ninjs = (guid: string, n: number) => ({
  uri: guid, type: 'text', version: '1', versioncreated: '2026-12-05T08:00:00Z', urgency: 4, language: 'en',
  headlines: [{ role: 'main', value: `Bench ninjs item ${n}` }], by: 'Bench Desk',
  subjects: [{ name: 'economy, business and finance', uri: 'http://cv.iptc.org/newscodes/mediatopic/04000000' }],
  bodies: [{ role: 'main', contenttype: 'text/html', value: Array.from({ length: 8 }, (_, p) => `<p>Paragraph ${p + 1} of ninjs item ${n}.</p>`).join('') }],
});

async function pool<T>(count: number, work: (i: number) => Promise<T>): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < count) {
      const i = next++;
      results[i] = await work(i);
    }
  }));
  return results;
}

const rate = (count: number, ms: number) => (count / ms) * 1000;

export type WireBench = {
  items: number;
  rows: { name: string; perSecond: number; baseline: number }[];
  folder: { perSecond: number; seconds: number };
  visible: { p50: number; p95: number; max: number; rounds: number };
};

export async function benchWire(baseUrl: string, databaseUrl: string, wireDir: string): Promise<WireBench> {
  const token = `mw_${randomBytes(32).toString('base64url')}`;
  const slug = `bench-wire-${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  await client.query(`INSERT INTO "WireSource" (id, name, slug, "tokenHash") VALUES ($1, 'Bench Wire', $2, $3)`, [`c${randomBytes(12).toString('hex')}`, slug, createHash('sha256').update(token).digest('hex')]);
  await client.end();
  const post = (body: string, auth = token) => fetch(`${baseUrl}/api/wire/${slug}`, { method: 'POST', headers: { authorization: `Bearer ${auth}` }, body });
  const expectStatus = async (response: Response, status: number) => {
    if (response.status !== status) throw new Error(`wire push answered ${response.status}: ${await response.text()}`);
    await response.arrayBuffer();
  };

  const run = `${Date.now().toString(36)}`;
  const timed = async (count: number, work: (i: number) => Promise<void>) => {
    const t = performance.now();
    await pool(count, work);
    return performance.now() - t;
  };
  // Warm both paths.
  await timed(20, async (i) => expectStatus(await post(newsml(`urn:bench:warm:${run}:${i}`, i)), 202));
  await timed(20, async (i) => expectStatus(await post(newsml(`urn:bench:warm:${run}:${i}`, i), 'mw_wrong'), 401));

  const refusedXml = await timed(ITEMS, async (i) => expectStatus(await post(newsml(`urn:bench:x:${run}:${i}`, i), 'mw_wrong'), 401));
  const newsmlMs = await timed(ITEMS, async (i) => expectStatus(await post(newsml(`urn:bench:newsml:${run}:${i}`, i)), 202));
  const ninjsOne = await timed(ITEMS, async (i) => expectStatus(await post(JSON.stringify(ninjs(`urn:bench:ninjs:${run}:${i}`, i))), 202));
  // ninjs in arrays of 25, as feeds deliver them.
  const batches = ITEMS / 25;
  const ninjsBatch = await timed(batches, async (b) => expectStatus(await post(JSON.stringify(Array.from({ length: 25 }, (_, k) => ninjs(`urn:bench:batch:${run}:${b}:${k}`, b * 25 + k)))), 202));
  const repeats = await timed(ITEMS, async (i) => expectStatus(await post(newsml(`urn:bench:newsml:${run}:${i}`, i)), 202));
  const baseline = rate(ITEMS, refusedXml);

  // The folder: files written at once; timed until every one is in done/.
  const folder = path.join(wireDir, slug);
  mkdirSync(folder, { recursive: true });
  const t = performance.now();
  for (let i = 0; i < ITEMS; i++) writeFileSync(path.join(folder, `item-${i}.xml`), newsml(`urn:bench:folder:${run}:${i}`, i));
  const done = () => {
    try {
      return readdirSync(path.join(folder, 'done')).length;
    } catch {
      return 0;
    }
  };
  while (done() < ITEMS) {
    if (performance.now() - t > 120_000) throw new Error(`the folder ingested ${done()} of ${ITEMS} files in two minutes`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const folderMs = performance.now() - t;

  // Push → on the desk: an editor's desk is waiting (its long poll) when the item is pushed.
  const editor = new Session(baseUrl);
  await editor.signIn('editor@example.com', 'masthead-demo');
  const stampOf = async () => ((await (await editor.fetch('/api/desk/wires/changes?since=')).json()) as { stamp: string }).stamp;
  const times: number[] = [];
  for (let round = 0; round < VISIBLE_ROUNDS; round++) {
    const since = await stampOf();
    const headline = `Visible ${run} round ${round}`;
    const waiting = editor.fetch(`/api/desk/wires/changes?since=${encodeURIComponent(since)}`).then((r) => r.json());
    await new Promise((resolve) => setTimeout(resolve, 100)); // the poll is waiting before the push
    const start = performance.now();
    await expectStatus(await post(newsml(`urn:bench:visible:${run}:${round}`, round).replace(/<headline>[^<]*<\/headline>/, `<headline>${headline}</headline>`)), 202);
    await waiting;
    const page = await (await editor.fetch(`/newsroom/wires?source=${slug}`)).text();
    if (!page.includes(headline)) throw new Error(`round ${round}: the desk did not list the pushed item`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    items: ITEMS,
    rows: [
      { name: 'push NewsML-G2, one item per request', perSecond: rate(ITEMS, newsmlMs), baseline },
      { name: 'push ninjs 2.x, one item per request', perSecond: rate(ITEMS, ninjsOne), baseline },
      { name: 'push ninjs 2.x, 25 items per request', perSecond: rate(ITEMS, ninjsBatch), baseline },
      { name: 'push a repeated version (ignored)', perSecond: rate(ITEMS, repeats), baseline },
    ],
    folder: { perSecond: rate(ITEMS, folderMs), seconds: folderMs / 1000 },
    visible: { p50: percentile(times, 50), p95: percentile(times, 95), max: times.at(-1)!, rounds: times.length },
  };
}
