import 'server-only';
import { db } from '@/lib/db';
import { env } from '@/lib/env';
import { log } from '@/lib/log';
import { FetchRefusedError, safeFetch } from '@/lib/embeds/safe-fetch';
import { findAll, textOf } from '@/lib/wire/markup';
import { MAX_WIRE_BYTES, WireFormatError, decodeWire } from '@/lib/wire/parse';
import { parseXml } from '@/lib/wire/trees';
import { ingestWire, type IngestResult } from './wire-ingest';

// Pulling a source's feed: a ninjs list (JSON), a NewsML-G2 document, or an Atom/RSS feed whose
// entries link NewsML-G2 (or ninjs) items. Asked with the last ETag/Last-Modified, so an unchanged
// feed costs a 304. Entries already fetched (same address, same "updated") are not fetched again.
// Every request goes through safeFetch: no private address unless the operator trusts its host.

const MAX_ENTRIES = 100;
const SEEN_KEY = (sourceId: string) => `wires.feedSeen.${sourceId}`;
const USER_AGENT = 'Masthead wire ingest';

type FeedEntry = { href: string; stamp: string };

const trusted = () => new Set(env().MASTHEAD_WIRE_FEED_HOSTS);

/** The entries of an Atom or RSS feed, or null when the XML is not a feed (then it is an item). */
function feedEntries(xml: string, base: string): FeedEntry[] | null {
  const tree = parseXml(xml);
  const root = tree.find((n): n is Extract<typeof n, { tag: string }> => 'tag' in n);
  const name = root?.tag.replace(/^.*:/, '').toLowerCase();
  if (name !== 'feed' && name !== 'rss') return null;
  const entries: FeedEntry[] = [];
  for (const entry of [...findAll(tree, 'entry'), ...findAll(tree, 'item')].slice(0, MAX_ENTRIES)) {
    const links = findAll(entry.children, 'link');
    const enclosure = findAll(entry.children, 'enclosure')[0]?.attrs.url;
    const atom = links.find((l) => l.attrs.href && (!l.attrs.rel || l.attrs.rel === 'alternate' || l.attrs.rel === 'enclosure'))?.attrs.href;
    const rss = links.map((l) => textOf(l.children)).find(Boolean);
    const raw = atom ?? enclosure ?? rss;
    if (!raw || !URL.canParse(raw, base)) continue;
    const stamp = textOf(findAll(entry.children, 'updated')[0]?.children ?? findAll(entry.children, 'pubDate')[0]?.children ?? []);
    entries.push({ href: new URL(raw, base).toString(), stamp });
  }
  return entries;
}

async function fetchText(address: string, conditional?: { etag: string | null; modified: string | null }) {
  const answer = await safeFetch(address, { trustedHosts: trusted(), maxBytes: MAX_WIRE_BYTES, timeoutMs: 10_000, accept: 'application/json, application/xml, text/xml, application/atom+xml, application/rss+xml;q=0.9, */*;q=0.5', conditional, userAgent: USER_AGENT });
  return { ...answer, text: answer.status === 304 ? '' : decodeWire(answer.body) };
}

export type PullReport = { source: string; status: 'unchanged' | 'ingested' | 'failed'; items: IngestResult[]; error?: string };

async function pullOne(source: { id: string; name: string; slug: string; format: 'AUTO' | 'NEWSML' | 'NINJS'; feedUrl: string; feedEtag: string | null; feedModified: string | null }): Promise<PullReport> {
  const items: IngestResult[] = [];
  try {
    const feed = await fetchText(source.feedUrl, { etag: source.feedEtag, modified: source.feedModified });
    if (feed.status === 304) {
      await db.wireSource.update({ where: { id: source.id }, data: { feedCheckedAt: new Date(), feedError: '' } });
      return { source: source.slug, status: 'unchanged', items };
    }
    const first = feed.text.replace(/^\uFEFF/, '').trimStart()[0];
    const entries = first === '<' ? feedEntries(feed.text, feed.url) : null;
    if (entries === null) {
      items.push(...(await ingestWire(source, unwrapList(feed.text))));
    } else {
      const seenRow = await db.setting.findUnique({ where: { key: SEEN_KEY(source.id) }, select: { value: true } });
      const seen = new Set(Array.isArray(seenRow?.value) ? (seenRow.value as string[]) : []);
      const fetched: string[] = [];
      for (const entry of entries) {
        const key = `${entry.href} ${entry.stamp}`;
        if (seen.has(key)) continue;
        const item = await fetchText(entry.href);
        items.push(...(await ingestWire(source, item.text)));
        fetched.push(key);
      }
      const kept = [...fetched, ...[...seen].filter((k) => !fetched.includes(k))].slice(0, 500);
      await db.setting.upsert({ where: { key: SEEN_KEY(source.id) }, update: { value: kept }, create: { key: SEEN_KEY(source.id), value: kept } });
    }
    await db.wireSource.update({ where: { id: source.id }, data: { feedCheckedAt: new Date(), feedError: '', feedEtag: feed.etag, feedModified: feed.modified } });
    return { source: source.slug, status: 'ingested', items };
  } catch (error) {
    const message = error instanceof WireFormatError || error instanceof FetchRefusedError ? error.message : `Could not read the feed: ${error instanceof Error ? error.message : String(error)}`;
    log.warn({ source: source.slug, err: error }, '[wire] pulling a feed failed');
    await db.wireSource.update({ where: { id: source.id }, data: { feedCheckedAt: new Date(), feedError: message.slice(0, 500) } }).catch(() => {});
    return { source: source.slug, status: 'failed', items, error: message };
  }
}

/** A ninjs list may come wrapped as {"items": […]}; the pipeline takes a bare array. */
function unwrapList(text: string): string {
  const first = text.replace(/^\uFEFF/, '').trimStart()[0];
  if (first !== '{') return text;
  try {
    const data = JSON.parse(text) as unknown;
    if (data && typeof data === 'object' && !Array.isArray(data) && Array.isArray((data as { items?: unknown }).items) && !('uri' in data)) return JSON.stringify((data as { items: unknown[] }).items);
  } catch {
    // Not JSON: the pipeline says so.
  }
  return text;
}

/** Pulls every source that names a feed, one after the other. */
export async function pullWireFeeds(): Promise<PullReport[]> {
  const sources = await db.wireSource.findMany({ where: { feedUrl: { not: null } }, select: { id: true, name: true, slug: true, format: true, feedUrl: true, feedEtag: true, feedModified: true } });
  const reports: PullReport[] = [];
  for (const source of sources) reports.push(await pullOne({ ...source, feedUrl: source.feedUrl! }));
  return reports;
}
