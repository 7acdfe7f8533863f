import { mkdirSync, mkdtempSync, readFileSync, readdirSync, utimesSync, writeFileSync, existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { POST } from '@/app/api/wire/[slug]/route';
import { db } from '@/lib/db';
import { ForbiddenError, ValidationError } from '@/lib/data/errors';
import { getStoryForEdit } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { getWireItem, listWireItems, releaseWireItem, waitForWireChange, wireStamp } from '@/lib/data/wire-desk';
import { pullWireFeeds } from '@/lib/data/wire-feeds';
import { expireWireItems, ingestWire } from '@/lib/data/wire-ingest';
import { createWireSource, rotateWireToken, sourceBySlug, sourceForPush, updateWireSource, type PushSource } from '@/lib/data/wire-sources';
import { clearWireKill, markWireUpdateApplied, storyFromWireItem, wireNoticeFor } from '@/lib/data/wire-stories';
import { transitionStory } from '@/lib/data/workflow';
import { publishScheduledStory } from '@/lib/data/scheduled';
import { scanWireFolder } from '@/lib/jobs/wire-folder';
import { stopBoss } from '@/lib/jobs/boss';
import { storyNinjs } from '@/lib/api/story-dto';
import { getLiveBlog } from '@/lib/data/live-public';
import { getPublishedStoryByIdOrSlug } from '@/lib/data/public-stories';
import { ninjsProblem } from '@/lib/wire/ninjs-schema';
import { saturateCpu } from '../support/busy-cpu';
import { makeUser, storyFields } from './helpers';
import { addCorrection } from '@/lib/data/corrections';
import { makeLiveBlog, postEntry } from '@/lib/data/live-entries';
import { createStory } from '@/lib/data/stories';
import { docFromPlainText } from '@/lib/editor/plain-text';

// Wire copy end to end on the data layer and the push endpoint: sources and tokens, the three ways
// in (push, folder, pull from a feed served by this test on 127.0.0.1), versions, kills,
// concurrent duplicates with every core busy, expiry, and stories made from items.

const feedPort = vi.hoisted(() => {
  const port = 20_000 + (process.pid % 20_000);
  process.env.MASTHEAD_WIRE_FEED_HOSTS = `127.0.0.1:${port}`;
  return port;
});

const fixture = (name: string) => readFileSync(`tests/fixtures/wire/${name}`, 'utf8');
const newsml = (guid: string, version: number, extra: { status?: string; headline?: string; body?: string; urgency?: number; created?: string } = {}) => `<?xml version="1.0"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="${guid}" version="${version}">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>${extra.created ?? `2026-12-05T0${version}:00:00Z`}</versionCreated><pubStatus qcode="stat:${extra.status ?? 'usable'}"/></itemMeta>
  <contentMeta>${extra.urgency ? `<urgency>${extra.urgency}</urgency>` : ''}<headline>${extra.headline ?? `Version ${version}`}</headline><subject qcode="medtop:15000000"><name>sport</name></subject></contentMeta>
  <contentSet><inlineXML contenttype="application/xhtml+xml"><html xmlns="http://www.w3.org/1999/xhtml"><body>${extra.body ?? `<p>Paragraph one.</p><p>Paragraph two, version ${version}.</p>`}</body></html></inlineXML></contentSet>
</newsItem>`;

let admin: Viewer;
let editor: Viewer;
let reporter: Viewer;
let source: PushSource & { token: string };
let server: http.Server;
const feed = { etag: '"v1"', body: '', requests: [] as { path: string; ifNoneMatch?: string }[] };
let picture: Buffer;

const push = (slug: string, token: string, body: string, headers: Record<string, string> = {}) =>
  POST(new Request(`http://localhost/api/wire/${slug}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/xml', ...headers }, body }), { params: Promise.resolve({ slug }) });

beforeAll(async () => {
  admin = await makeUser('ADMIN');
  editor = await makeUser('EDITOR');
  reporter = await makeUser('REPORTER');
  const created = await createWireSource(admin, { name: `Harbour Wire ${process.pid}`, format: 'AUTO', sectionId: null, needsEditor: false, feedUrl: '' });
  source = { ...(await sourceBySlug(created.slug))!, token: created.token };
  picture = await sharp({ create: { width: 800, height: 500, channels: 3, background: '#2a5c8a' } }).jpeg().toBuffer();
  server = http.createServer((req, res) => {
    feed.requests.push({ path: req.url ?? '', ifNoneMatch: req.headers['if-none-match'] as string | undefined });
    if (req.url === '/feed.atom') {
      if (req.headers['if-none-match'] === feed.etag) return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/atom+xml', etag: feed.etag }).end(feed.body);
    }
    const item = /^\/items\/(\w+)-v(\d)\.xml$/.exec(req.url ?? '');
    if (item) return res.writeHead(200, { 'content-type': 'application/xml' }).end(newsml(`urn:pull:${item[1]}`, Number(item[2])));
    if (req.url === '/list.json') return res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ items: JSON.parse(fixture('ninjs-list.json')) }));
    if (req.url === '/photo.jpg') return res.writeHead(200, { 'content-type': 'image/jpeg' }).end(picture);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(feedPort, '127.0.0.1', resolve));
});

afterAll(async () => {
  server.close();
  await stopBoss();
});

describe('sources and tokens', () => {
  it('only admins create sources; the token is shown once and only its hash is kept', async () => {
    await expect(createWireSource(editor, { name: 'Nope', format: 'AUTO', sectionId: null, needsEditor: false, feedUrl: '' })).rejects.toBeInstanceOf(ForbiddenError);
    expect(source.token).toMatch(/^mw_[\w-]{43}$/);
    const row = await db.wireSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(JSON.stringify(row)).not.toContain(source.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(await sourceForPush(source.slug, source.token)).toMatchObject({ id: source.id });
    expect(await sourceForPush(source.slug, `${source.token}x`)).toBeNull();
    expect(await sourceForPush('no-such-source', source.token)).toBeNull();
  });

  it('Rotate token: the old token is refused at once, the new one works; audited', async () => {
    const other = await createWireSource(admin, { name: `Rotating ${process.pid}`, format: 'NINJS', sectionId: null, needsEditor: false, feedUrl: '' });
    const rotated = await rotateWireToken(admin, other.id);
    expect((await push(other.slug, other.token, fixture('ninjs-3.json'))).status).toBe(401);
    expect((await push(other.slug, rotated.token, fixture('ninjs-3.json'))).status).toBe(202);
    await expect(rotateWireToken(editor, other.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await db.auditEvent.count({ where: { action: 'wire.tokenRotate', entityId: other.id } })).toBe(1);
  });
});

describe('the command line', () => {
  it('npm run wire:source prints the slug and a token that pushes; a bad format is refused with a sentence', { timeout: 120_000 }, () => {
    const run = (...args: string[]) => spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/wire-source.ts', ...args], { encoding: 'utf8', env: { ...process.env } });
    const made = run('--name', `Shell Wire ${process.pid}`, '--format', 'ninjs');
    expect(made.status, made.stderr).toBe(0);
    const slug = /^slug:\s+(\S+)$/m.exec(made.stdout)?.[1];
    const token = /^token:\s+(\S+)$/m.exec(made.stdout)?.[1];
    expect(slug).toBe(`shell-wire-${process.pid}`);
    expect(token).toMatch(/^mw_/);
    return sourceForPush(slug!, token!).then((found) => expect(found).toMatchObject({ slug, format: 'NINJS' })).then(() => {
      const refused = run('--name', 'Odd', '--format', 'rtf');
      expect(refused.status).toBe(1);
      expect(refused.stderr).toContain('The format is AUTO, NEWSML or NINJS.');
    });
  });
});

describe('push', () => {
  it('202 with the items for NewsML-G2 and ninjs; 401, 413 and 422 change nothing', async () => {
    const accepted = await push(source.slug, source.token, fixture('newsml-text-nitf.xml'));
    expect(accepted.status).toBe(202);
    const { items } = (await accepted.json()) as { items: { id: string; guid: string; outcome: string }[] };
    expect(items).toEqual([expect.objectContaining({ guid: 'urn:newsml:harbourwire.test:20261205:port-strike', version: 2, outcome: 'new' })]);
    const list = await push(source.slug, source.token, fixture('ninjs-list.json'), { 'content-type': 'application/json' });
    expect(((await list.json()) as { items: unknown[] }).items).toHaveLength(2);

    const before = await db.wireItem.count();
    const wrong = await push(source.slug, 'mw_wrong', fixture('ninjs-1.json'));
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect((await push(source.slug, '', fixture('ninjs-1.json'))).status).toBe(401);
    const big = await push(source.slug, source.token, `<newsItem guid="big" version="1"><contentSet><inlineData>${'x'.repeat(5 * 1024 * 1024)}</inlineData></contentSet></newsItem>`);
    expect(big.status).toBe(413);
    const neither = await push(source.slug, source.token, 'Just some words');
    expect(neither.status).toBe(422);
    expect(((await neither.json()) as { error: string }).error).toMatch(/neither NewsML-G2/);
    // A bad item in an array refuses the whole body: nothing of it is stored.
    const mixed = JSON.stringify([JSON.parse(fixture('ninjs-3.json')), { uri: 'urn:bad', pubStatus: 'deleted', versionCreated: 'x' }]);
    const refused = await push(source.slug, source.token, mixed);
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: string }).error).toMatch(/^Item 2: Not valid ninjs 3\.x/);
    const latin1 = await POST(new Request(`http://localhost/api/wire/${source.slug}`, { method: 'POST', headers: { authorization: `Bearer ${source.token}` }, body: Buffer.from(newsml(`urn:latin1:${process.pid}`, 1, { headline: 'Peña in Ñuñoa' }).replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="ISO-8859-1"?>'), 'latin1') }), { params: Promise.resolve({ slug: source.slug }) });
    expect(latin1.status).toBe(202);
    expect((await db.wireItem.findFirstOrThrow({ where: { guid: `urn:latin1:${process.pid}` } })).headline).toBe('Peña in Ñuñoa');
    const badBytes = await POST(new Request(`http://localhost/api/wire/${source.slug}`, { method: 'POST', headers: { authorization: `Bearer ${source.token}` }, body: Buffer.from([0x7b, 0xff, 0x7d]) }), { params: Promise.resolve({ slug: source.slug }) });
    expect(badBytes.status).toBe(422);
    const xxe = await push(source.slug, source.token, '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><newsItem guid="e" version="1"/>');
    expect(xxe.status).toBe(422);
    expect(await db.wireItem.count()).toBe(before + 1); // the ISO-8859-1 item only
  });
});

describe('versions', () => {
  it('a newer version replaces the text and keeps the history; a repeated or older one is acknowledged and ignored', async () => {
    const guid = `urn:versions:${process.pid}`;
    const first = await ingestWire(source, newsml(guid, 2));
    expect(first[0]!.outcome).toBe('new');
    expect((await ingestWire(source, newsml(guid, 2)))[0]).toMatchObject({ id: first[0]!.id, outcome: 'ignored' });
    expect((await ingestWire(source, newsml(guid, 1, { headline: 'Stale' })))[0]!.outcome).toBe('ignored');
    expect((await ingestWire(source, newsml(guid, 3, { headline: 'Third' })))[0]!.outcome).toBe('updated');
    const item = await getWireItem(reporter, first[0]!.id);
    expect(item).toMatchObject({ version: 3, headline: 'Third' });
    expect(item.versions.map((v) => v.version)).toEqual([3, 2]);
  });

  it(`concurrent pushes of the same item, with every core busy, make one item and one version each (40 rounds)`, { timeout: 120_000 }, async () => {
    const stop = saturateCpu();
    try {
      for (let round = 0; round < 40; round++) {
        const guid = `urn:race:${process.pid}:${round}`;
        const bodies = [newsml(guid, 1), newsml(guid, 1), newsml(guid, 2), newsml(guid, 2), newsml(guid, 1)];
        const results = await Promise.all(bodies.map((body) => ingestWire(source, body)));
        const ids = new Set(results.map((r) => r[0]!.id));
        expect(ids.size).toBe(1);
        const item = await db.wireItem.findUniqueOrThrow({ where: { sourceId_guid: { sourceId: source.id, guid } }, select: { version: true, versions: { select: { version: true } } } });
        expect(item.version).toBe(2);
        // Version 1 is in the history only if it arrived before version 2; each at most once.
        const kept = item.versions.map((v) => v.version).sort();
        expect([[2], [1, 2]]).toContainEqual(kept);
        expect(results.filter((r) => r[0]!.outcome === 'new')).toHaveLength(1);
      }
    } finally {
      await stop();
    }
  });
});

describe('stories from wire items', () => {
  it('Use in a story: a draft with credit, dateline, agency byline, tags, the agency’s embargo and its picture imported', async () => {
    const itemXml = fixture('newsml-text-nitf.xml').replace('https://photos.harbourwire.test/callao-queue.jpg', `http://127.0.0.1:${feedPort}/photo.jpg`).replace('urn:newsml:harbourwire.test:20261205:port-strike', `urn:use:${process.pid}`);
    const id = (await ingestWire(source, itemXml))[0]!.id;
    const { storyId, notice } = await storyFromWireItem(reporter, id);
    expect(notice).toBeNull();
    const story = await getStoryForEdit(reporter, storyId);
    expect(story).toMatchObject({ headline: 'Dockworkers extend Callao strike & ships queue offshore', dek: 'A second week of stoppage at Peru\'s main port.', creditLine: 'Harbour Wire', dateline: 'CALLAO, Peru', bylineIds: [reporter.id], status: 'DRAFT' });
    expect(story.tags).toEqual(['economy, business and finance', 'labour']);
    const row = await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { wireItemId: true, wireVersion: true, agencyByline: true, embargoUntil: true, featuredImage: { select: { credit: true, caption: true, width: true } } } });
    expect(row).toMatchObject({ wireItemId: id, wireVersion: 2, agencyByline: 'Ana Quispe', featuredImage: { credit: 'Harbour Wire', caption: 'Ships anchored off Callao.', width: 800 } });
    expect(row.embargoUntil?.toISOString()).toBe('2099-01-01T09:00:00.000Z');
    expect((await getWireItem(reporter, id)).stories.map((s) => s.id)).toEqual([storyId]);
  });

  it('a picture at a private address that is not trusted is not fetched; the story is still made, and says so', async () => {
    const xml = newsml(`urn:private-picture:${process.pid}`, 1, { body: '<p>Text.</p><img src="http://10.0.0.1/secret.jpg" alt="x"/>' });
    const id = (await ingestWire(source, xml))[0]!.id;
    const { storyId, notice } = await storyFromWireItem(reporter, id);
    expect(notice).toMatch(/picture could not be imported \(.*private/);
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).featuredImageId).toBeNull();
  });

  it('a newer version offers "Wire update available" with the diff; applied, it is recorded and offered no more', async () => {
    const guid = `urn:update:${process.pid}`;
    const id = (await ingestWire(source, newsml(guid, 1)))[0]!.id;
    const { storyId } = await storyFromWireItem(reporter, id);
    expect((await wireNoticeFor(reporter, storyId))?.update).toBeNull();
    await ingestWire(source, newsml(guid, 2, { headline: 'Version two' }));
    const notice = await wireNoticeFor(reporter, storyId);
    expect(notice?.update).toMatchObject({ fromVersion: 1, toVersion: 2 });
    expect(notice!.update!.paragraphs.some((p) => p.kind === 'changed')).toBe(true);
    expect(await db.notification.count({ where: { userId: reporter.id, storyId, kind: 'wireUpdate' } })).toBe(1);
    await markWireUpdateApplied(reporter, storyId, 5, ''); // beyond the item's version: nothing
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).wireVersion).toBe(1);
    await markWireUpdateApplied(reporter, storyId, 2, '2 changes applied.');
    expect((await wireNoticeFor(reporter, storyId))?.update).toBeNull();
    expect(await db.auditEvent.count({ where: { storyId, action: 'story.wireUpdate' } })).toBe(1);
  });

  it('a withheld item cannot be used; a withheld version tells the stories’ authors; an agency embargo moved later binds the story', async () => {
    const guid = `urn:withheld:${process.pid}`;
    const id = (await ingestWire(source, newsml(guid, 1)))[0]!.id;
    const { storyId } = await storyFromWireItem(reporter, id);
    await ingestWire(source, newsml(guid, 2, { status: 'withheld' }));
    await expect(storyFromWireItem(reporter, id)).rejects.toThrow(/withheld this item/);
    expect(await db.notification.count({ where: { storyId, userId: reporter.id, kind: 'wireWithheld' } })).toBe(1);

    const later = new Date(Date.now() + 6 * 3_600_000);
    const embargoed = newsml(guid, 3).replace('<pubStatus', `<embargoed>${later.toISOString()}</embargoed><pubStatus`);
    await ingestWire(source, embargoed);
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).embargoUntil?.getTime()).toBe(later.getTime());
    expect(await db.auditEvent.count({ where: { storyId, action: 'story.embargo', actorId: null } })).toBe(1);
    // Moved earlier: the story keeps the later one (the desk decides).
    await ingestWire(source, newsml(guid, 4).replace('<pubStatus', `<embargoed>${new Date(Date.now() + 3_600_000).toISOString()}</embargoed><pubStatus`));
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).embargoUntil?.getTime()).toBe(later.getTime());
  });

  it('a scheduled story whose item is killed is not published when due; it waits, and the desk hears once', async () => {
    const guid = `urn:kill-scheduled:${process.pid}`;
    const id = (await ingestWire(source, newsml(guid, 1)))[0]!.id;
    const { storyId } = await storyFromWireItem(reporter, id);
    const scheduledAt = new Date(Date.now() - 1000);
    await db.story.update({ where: { id: storyId }, data: { status: 'SCHEDULED', scheduledAt } });
    await ingestWire(source, newsml(guid, 2, { status: 'canceled' }));
    expect(await publishScheduledStory({ storyId, scheduledAt: scheduledAt.toISOString(), scheduledById: editor.id })).toBe(false);
    expect(await publishScheduledStory({ storyId, scheduledAt: scheduledAt.toISOString(), scheduledById: editor.id })).toBe(false);
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId } })).status).toBe('SCHEDULED');
    const told = await db.notification.findMany({ where: { storyId, kind: 'heldPublication', userId: editor.id }, select: { text: true } });
    expect(told).toEqual([{ text: expect.stringContaining('made from a wire item the agency killed') }]);
  });

  it('a kill marks the item and every story from it; Publish is refused until an editor clears it with a reason', async () => {
    const guid = `urn:kill:${process.pid}`;
    const id = (await ingestWire(source, newsml(guid, 1)))[0]!.id;
    const a = await storyFromWireItem(reporter, id);
    const b = await storyFromWireItem(editor, id);
    await ingestWire(source, newsml(guid, 2, { status: 'canceled' }));
    const killed = await db.story.findMany({ where: { id: { in: [a.storyId, b.storyId] } }, select: { wireKilledAt: true } });
    expect(killed.every((s) => s.wireKilledAt !== null)).toBe(true);
    expect(await db.notification.count({ where: { storyId: a.storyId, kind: 'wireKill', userId: editor.id } })).toBe(1);
    await expect(storyFromWireItem(reporter, id)).rejects.toThrow(/canceled this item/);

    const section = await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } });
    await db.story.update({ where: { id: a.storyId }, data: { status: 'APPROVED', sectionId: section.id } });
    const { version } = await db.story.findUniqueOrThrow({ where: { id: a.storyId } });
    await expect(transitionStory(editor, a.storyId, 'publish', { baseVersion: version })).rejects.toThrow(/killed the wire item/);
    await expect(clearWireKill(reporter, a.storyId, 'mine')).rejects.toBeInstanceOf(ForbiddenError);
    await expect(clearWireKill(editor, a.storyId, '  ')).rejects.toBeInstanceOf(ValidationError);
    await clearWireKill(editor, a.storyId, 'Rewritten from our own reporting');
    await transitionStory(editor, a.storyId, 'publish', { baseVersion: version });
    expect((await db.story.findUniqueOrThrow({ where: { id: a.storyId } })).status).toBe('PUBLISHED');
    expect(await db.auditEvent.findFirst({ where: { storyId: a.storyId, action: 'story.wireKillClear' }, select: { note: true, actorId: true } })).toEqual({ note: 'Rewritten from our own reporting', actorId: editor.id });
  });
});

describe('the Wires desk', () => {
  it('urgency 1 tells the editors at once; filters and full-text search find items', async () => {
    const flash = `urn:flash:${process.pid}`;
    await ingestWire(source, newsml(flash, 1, { urgency: 1, headline: `Earthquake near Arequipa ${process.pid}` }));
    expect(await db.notification.count({ where: { userId: editor.id, kind: 'wireFlash', text: { contains: `Earthquake near Arequipa ${process.pid}` } } })).toBe(1);
    expect(await db.notification.count({ where: { userId: reporter.id, kind: 'wireFlash' } })).toBe(0);
    const searched = await listWireItems(reporter, { q: 'Arequipa', source: source.slug });
    expect(searched.items.map((i) => i.headline)).toEqual([`Earthquake near Arequipa ${process.pid}`]);
    expect((await listWireItems(reporter, { urgency: '1', source: source.slug })).items.every((i) => i.urgency === 1)).toBe(true);
    expect((await listWireItems(reporter, { subject: 'medtop:15000000', source: source.slug })).items.length).toBeGreaterThan(0);
    expect((await listWireItems(reporter, { status: 'canceled', source: source.slug })).items.every((i) => i.pubStatus === 'canceled')).toBe(true);
  });

  it('items of a source that needs an editor are hidden from reporters until an editor releases them', async () => {
    const held = await createWireSource(admin, { name: `Held ${process.pid}`, format: 'AUTO', sectionId: null, needsEditor: true, feedUrl: '' });
    const id = (await ingestWire((await sourceBySlug(held.slug))!, newsml(`urn:held:${process.pid}`, 1)))[0]!.id;
    expect((await listWireItems(reporter, { source: held.slug })).items).toEqual([]);
    expect((await listWireItems(editor, { source: held.slug })).items.map((i) => [i.id, i.held])).toEqual([[id, true]]);
    await expect(storyFromWireItem(editor, id)).rejects.toThrow(/releases this item/);
    await expect(releaseWireItem(reporter, id)).rejects.toBeInstanceOf(ForbiddenError);
    await releaseWireItem(editor, id);
    expect((await listWireItems(reporter, { source: held.slug })).items.map((i) => i.id)).toEqual([id]);
  });

  it('a wait for changes answers when an item arrives, not before', async () => {
    const since = await wireStamp(reporter);
    let answered = false;
    const waiting = waitForWireChange(reporter, since, 15_000).then((stamp) => {
      answered = true;
      return stamp;
    });
    // Not answered while nothing changes: checked after a write to an unrelated table has
    // round-tripped through the same listener (a NOTIFY of another key).
    await db.$executeRaw`SELECT pg_notify('masthead_cache', 'unrelated-key')`;
    await db.$queryRaw`SELECT 1`;
    expect(answered).toBe(false);
    await ingestWire(source, newsml(`urn:wait:${process.pid}`, 1));
    expect(await waiting).not.toBe(since);
  });

  it('unused items expire after the configured days; used ones stay', async () => {
    const unused = (await ingestWire(source, newsml(`urn:old:${process.pid}`, 1)))[0]!.id;
    const used = (await ingestWire(source, newsml(`urn:old-used:${process.pid}`, 1)))[0]!.id;
    await storyFromWireItem(reporter, used);
    const old = new Date(Date.now() - 20 * 86_400_000);
    await db.wireItem.updateMany({ where: { id: { in: [unused, used] } }, data: { updatedAt: old } });
    expect(await expireWireItems(14)).toBeGreaterThanOrEqual(1);
    expect(await db.wireItem.findUnique({ where: { id: unused } })).toBeNull();
    expect(await db.wireItem.findUnique({ where: { id: used } })).not.toBeNull();
  });
});

describe('the folder', () => {
  it('files are ingested and moved to done/, bad ones to failed/ with a reason; a file still being written waits', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'masthead-wire-'));
    const folder = path.join(root, source.slug);
    mkdirSync(folder);
    const settled = Date.now() / 1000 - 5;
    for (const [name, body] of [['a.xml', newsml(`urn:folder:${process.pid}`, 1)], ['b.json', fixture('ninjs-2.json')], ['bad.xml', '<newsItem>'], ['fresh.xml', newsml(`urn:fresh:${process.pid}`, 1)]] as const) {
      writeFileSync(path.join(folder, name), body);
      if (name !== 'fresh.xml') utimesSync(path.join(folder, name), settled, settled);
    }
    mkdirSync(path.join(root, 'no-such-source'));
    writeFileSync(path.join(root, 'no-such-source', 'x.xml'), newsml('urn:nobody', 1));
    utimesSync(path.join(root, 'no-such-source', 'x.xml'), settled, settled);

    const reports = await scanWireFolder(root);
    expect(reports.map((r) => `${r.file}:${r.outcome}`).sort()).toEqual(['a.xml:done', 'b.json:done', 'bad.xml:failed', 'x.xml:failed']);
    expect(readdirSync(path.join(folder, 'done')).sort()).toEqual(['a.xml', 'b.json']);
    expect(readFileSync(path.join(folder, 'failed', 'bad.xml.reason'), 'utf8')).toMatch(/not well-formed/);
    expect(readFileSync(path.join(root, 'no-such-source', 'failed', 'x.xml.reason'), 'utf8')).toMatch(/No wire source has the slug/);
    expect(existsSync(path.join(folder, 'fresh.xml'))).toBe(true);
    expect(await db.wireItem.count({ where: { guid: `urn:folder:${process.pid}` } })).toBe(1);
  });
});

describe('pull', () => {
  it('an Atom feed linking NewsML-G2 items: fetched, then asked with its ETag (304), new entries only', async () => {
    const pulled = await createWireSource(admin, { name: `Pulled ${process.pid}`, format: 'AUTO', sectionId: null, needsEditor: false, feedUrl: `http://127.0.0.1:${feedPort}/feed.atom` });
    const entry = (name: string, version: number) => `<entry><id>urn:${name}</id><updated>2026-12-05T0${version}:00:00Z</updated><link rel="alternate" type="application/xml" href="/items/${name}-v${version}.xml"/></entry>`;
    feed.body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Harbour</title>${entry('alpha', 1)}${entry('beta', 1)}</feed>`;
    const first = (await pullWireFeeds()).find((r) => r.source === pulled.slug)!;
    expect(first).toMatchObject({ status: 'ingested' });
    expect(first.items.map((i) => `${i.guid}:${i.outcome}`)).toEqual(['urn:pull:alpha:new', 'urn:pull:beta:new']);

    feed.requests.length = 0;
    expect((await pullWireFeeds()).find((r) => r.source === pulled.slug)).toMatchObject({ status: 'unchanged' });
    expect(feed.requests).toEqual([{ path: '/feed.atom', ifNoneMatch: '"v1"' }]);

    feed.etag = '"v2"';
    feed.body = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">${entry('alpha', 2)}${entry('beta', 1)}</feed>`;
    feed.requests.length = 0;
    const third = (await pullWireFeeds()).find((r) => r.source === pulled.slug)!;
    expect(third.items.map((i) => `${i.guid}:${i.outcome}`)).toEqual(['urn:pull:alpha:updated']);
    expect(feed.requests.map((r) => r.path)).toEqual(['/feed.atom', '/items/alpha-v2.xml']);
  });

  it('a ninjs list; and a feed at a private address that is not trusted is refused and reported on the source', async () => {
    const list = await createWireSource(admin, { name: `List ${process.pid}`, format: 'NINJS', sectionId: null, needsEditor: false, feedUrl: `http://127.0.0.1:${feedPort}/list.json` });
    expect((await pullWireFeeds()).find((r) => r.source === list.slug)).toMatchObject({ status: 'ingested' });
    await updateWireSource(admin, list.id, { name: `List ${process.pid}`, format: 'NINJS', sectionId: null, needsEditor: false, feedUrl: `http://127.0.0.1:${feedPort + 1}/list.json` });
    const refused = (await pullWireFeeds()).find((r) => r.source === list.slug)!;
    expect(refused).toMatchObject({ status: 'failed' });
    expect(refused.error).toMatch(/private/);
    expect((await db.wireSource.findUniqueOrThrow({ where: { id: list.id } })).feedError).toMatch(/private/);
    await updateWireSource(admin, list.id, { name: `List ${process.pid}`, format: 'NINJS', sectionId: null, needsEditor: false, feedUrl: '' });
  });
});

describe('our own ninjs', () => {
  it('every published story, live blogs and the one made from a wire item included, is valid against IPTC’s ninjs 2.0 and 2.2 schemas', async () => {
    // Kinds of story this file has not made yet: a live blog with entries, a corrected story.
    const section = await db.section.upsert({ where: { slug: 'world' }, update: {}, create: { name: 'World', slug: 'world' } });
    const publish = async (id: string) => {
      let { version } = await db.story.findUniqueOrThrow({ where: { id }, select: { version: true } });
      for (const step of ['submit', 'approve', 'publish'] as const) version = (await transitionStory(editor, id, step, { baseVersion: version })).version;
    };
    const live = await createStory(editor, storyFields([reporter.id], { sectionId: section.id, tags: ['Ports'], dateline: 'CALLAO' }));
    await makeLiveBlog(editor, live.id);
    await publish(live.id);
    await postEntry(editor, live.id, { headline: 'Ships move', body: docFromPlainText('The first ship left at dawn.'), keyEvent: true });
    await postEntry(reporter, live.id, { headline: '', body: docFromPlainText('The union speaks at noon.'), keyEvent: false });
    const image = await db.media.findFirstOrThrow({ where: { altText: { not: '' } }, select: { id: true } }); // the wire picture imported above
    const corrected = await createStory(reporter, storyFields([reporter.id], { sectionId: section.id, featuredImageId: image.id, creditLine: 'Harbour Wire' }));
    await publish(corrected.id);
    await addCorrection(editor, corrected.id, { kind: 'CORRECTION', text: 'An earlier version misnamed the port.' });

    const published = await db.story.findMany({ where: { status: 'PUBLISHED' }, select: { id: true }, take: 500 });
    expect(published.length).toBeGreaterThanOrEqual(3);
    for (const { id } of published) {
      const story = await getPublishedStoryByIdOrSlug(id);
      if (!story) continue; // taken down or embargoed: not public
      const document = storyNinjs(story, 'Masthead Test', story.live ? await getLiveBlog(story.id) : null);
      expect({ id, problem: ninjsProblem(document, '2.0') }).toEqual({ id, problem: null });
      expect({ id, problem: ninjsProblem(document, '2.2') }).toEqual({ id, problem: null });
    }
  });
});
