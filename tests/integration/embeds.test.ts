import { writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import { resolveBodyRefs } from '@/lib/data/body-images';
import { enabledPlayerOrigins, refreshFrameOrigins, setEmbedSettings } from '@/lib/data/embed-providers';
import { EmbedRefusedError, refreshEmbeds, resolveEmbed, resolveEmbedCard } from '@/lib/data/embeds';
import { ForbiddenError, ValidationError } from '@/lib/data/errors';
import { createStory } from '@/lib/data/stories';
import { parseBody, type Doc, type EmbedNode } from '@/lib/editor/schema';
import { frameOrigins } from '@/lib/security/frame-origins';
import { mediaStorage } from '@/lib/media/storage';
import type { Viewer } from '@/lib/data/viewer';
import { makeUser, storyFields } from './helpers';

// Embeds against a local oEmbed provider and a local page with card tags, both served by this
// test on 127.0.0.1 and named in a providers file of the test's own (MASTHEAD_EMBED_PROVIDERS),
// as a newsroom pins its list: the snapshot stored, the thumbnail in the media store, the weekly
// refresh, and a post deleted at the source.

const providersFile = vi.hoisted(() => {
  const file = `${process.env.TMPDIR ?? '/tmp'}/masthead-embed-providers-${process.pid}.json`;
  process.env.MASTHEAD_EMBED_PROVIDERS = file;
  return file;
});

let server: http.Server;
let base: string;
let reporter: Viewer;
let admin: Viewer;
let thumbnail: Buffer;
const deleted = new Set<string>();
let oembedCalls = 0;

beforeAll(async () => {
  thumbnail = await sharp({ create: { width: 640, height: 360, channels: 3, background: '#1f6f8b' } }).png().toBuffer();
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', base);
    if (url.pathname === '/oembed') {
      oembedCalls++;
      const asked = url.searchParams.get('url') ?? '';
      const id = /\/video\/(\w+)$/.exec(asked)?.[1];
      if (!id || id === 'none' || deleted.has(id)) return res.writeHead(404).end();
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({
        type: 'video', version: '1.0', title: `Harbour video ${id}`, author_name: 'Harbour TV', author_url: `${base}/channel`, provider_name: 'Local Video',
        thumbnail_url: `${base}/thumb/${id}.png`, thumbnail_width: 640, thumbnail_height: 360,
        html: `<iframe src="https://player.local.test/embed/${id}"></iframe><script>alert(1)</script>`,
      }));
    }
    if (url.pathname.startsWith('/thumb/')) return res.writeHead(200, { 'content-type': 'image/png' }).end(thumbnail);
    if (url.pathname === '/article') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end('<html><head><title>x</title><meta property="og:title" content="Port strike enters second week"><meta property="og:site_name" content="Harbour Times"><meta property="og:description" content="Dockworkers walked out."></head><body></body></html>');
    }
    if (url.pathname === '/not-a-page') return res.writeHead(200, { 'content-type': 'application/zip' }).end('PK');
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  writeFileSync(
    providersFile,
    JSON.stringify([
      { provider_name: 'Local Video', provider_url: `${base}/`, endpoints: [{ schemes: [`${base}/video/*`], url: `${base}/oembed` }], player_hosts: ['player.local.test'] },
    ]),
  );
  reporter = await makeUser('REPORTER');
  admin = await makeUser('ADMIN');
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('embeds', () => {
  it('resolve a provider’s address through its oEmbed endpoint: a stored snapshot of data, the thumbnail copied into the media store', async () => {
    const embed = await resolveEmbed(reporter, `${base}/video/abc`);
    expect(embed).toMatchObject({ kind: 'video', provider: 'Local Video', title: 'Harbour video abc', authorName: 'Harbour TV', playerUrl: 'https://player.local.test/embed/abc', goneAt: null });
    expect(JSON.stringify(embed)).not.toContain('<script');
    const media = await db.media.findUniqueOrThrow({ where: { id: embed.thumbnailId! } });
    expect(media).toMatchObject({ width: 640, height: 360, credit: 'Local Video' });
    const renditions = media.renditions as { key: string }[];
    expect(await mediaStorage().get(renditions[0]!.key)).not.toBeNull();
    // Resolved once: the same address again is the stored embed, without asking the provider.
    const calls = oembedCalls;
    expect((await resolveEmbed(reporter, `${base}/video/abc`)).id).toBe(embed.id);
    expect(oembedCalls).toBe(calls);
  });

  it('make any other address a link card from its page’s tags; refuse what cannot be embedded, storing nothing', async () => {
    const card = await resolveEmbed(reporter, `${base}/article`);
    expect(card).toMatchObject({ kind: 'link', provider: 'Harbour Times', title: 'Port strike enters second week', text: 'Dockworkers walked out.', thumbnailId: null });
    const before = await db.embed.count();
    const reason = async (address: string) => (await resolveEmbed(reporter, address).catch((e: unknown) => e)) as EmbedRefusedError;
    expect((await reason('javascript:alert(1)')).reason).toBe('bad-address');
    expect((await reason(`${base}/video/none`)).reason).toBe('not-found'); // the provider answers 404
    expect((await reason(`${base}/not-a-page`)).reason).toBe('not-embeddable');
    expect((await reason('http://169.254.169.254/latest/meta-data/')).reason).toBe('private-address');
    expect((await reason(`http://localhost:${new URL(base).port}/article`)).reason).toBe('private-address');
    expect(await db.embed.count()).toBe(before);
    await expect(resolveEmbed(null, `${base}/article`)).rejects.toThrow(ForbiddenError);
  });

  it('are refreshed weekly; a post deleted at the source keeps its card, marked gone', async () => {
    const kept = await resolveEmbed(reporter, `${base}/video/kept`);
    const doomed = await resolveEmbed(reporter, `${base}/video/doomed`);
    deleted.add('doomed');
    const weekAgo = new Date(Date.now() - 8 * 24 * 3600_000);
    await db.embed.updateMany({ where: { id: { in: [kept.id, doomed.id] } }, data: { fetchedAt: weekAgo, title: 'Old title' } });
    const result = await refreshEmbeds();
    expect(result.gone).toBeGreaterThanOrEqual(1);
    const [k, d] = await Promise.all([db.embed.findUniqueOrThrow({ where: { id: kept.id } }), db.embed.findUniqueOrThrow({ where: { id: doomed.id } })]);
    expect(k).toMatchObject({ title: 'Harbour video kept', goneAt: null, thumbnailId: kept.thumbnailId });
    expect(k.fetchedAt.getTime()).toBeGreaterThan(weekAgo.getTime());
    expect(d.goneAt).toBeInstanceOf(Date);
    expect(d).toMatchObject({ title: 'Old title', thumbnailId: doomed.thumbnailId });
  });

  it('in a story keep only the reporter’s caption and alt text: the card is the Embed row’s, and an embed the newsroom did not resolve is refused', async () => {
    const card = await resolveEmbedCard(reporter, `${base}/video/story`);
    expect(card).toMatchObject({ kind: 'video', title: 'Harbour video story', playerUrl: 'https://player.local.test/embed/story', caption: '', alt: '' });
    expect(card.thumbnailSrc).toMatch(/^\/media\/[a-z0-9]+\/\d+\.webp$/);
    const forged: EmbedNode['attrs'] = { ...card, title: 'Forged <b>title</b>', provider: 'Nobody', playerUrl: 'https://evil.test/player', text: 'Injected words', caption: 'The harbour at dawn.', alt: 'Cranes over the quay' };
    const body = { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Watch:' }] }, { type: 'embed', attrs: forged }] };
    const { id } = await createStory(reporter, storyFields([reporter.id], { body }));
    const stored = parseBody((await db.story.findUniqueOrThrow({ where: { id } })).body);
    expect(stored.ok).toBe(true);
    if (!stored.ok) return;
    expect(stored.doc.content[1]).toEqual({ type: 'embed', attrs: { ...card, caption: 'The harbour at dawn.', alt: 'Cranes over the quay' } });

    const unknown = { type: 'doc', content: [{ type: 'embed', attrs: { ...card, embedId: 'cmnotanembed000000000' } }] };
    const refused = await createStory(reporter, storyFields([reporter.id], { body: unknown })).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ValidationError);
    expect((refused as ValidationError).message).toMatch(/not resolved by the newsroom/);
  });

  it('lose their player on every page when an admin switches their provider off, and the public CSP frames only enabled players', async () => {
    const card = await resolveEmbedCard(reporter, `${base}/video/toggle`);
    const doc = { type: 'doc', content: [{ type: 'embed', attrs: card }] } as Doc;
    await refreshFrameOrigins();
    expect(frameOrigins()).toContain('https://player.local.test');

    await expect(setEmbedSettings(reporter, { enabled: [], mastodon: [] })).rejects.toThrow(ForbiddenError);
    await expect(setEmbedSettings(admin, { enabled: ['No Such Provider'], mastodon: [] })).rejects.toThrow(/no provider called/);
    await expect(setEmbedSettings(admin, { enabled: ['Local Video'], mastodon: ['not a host!'] })).rejects.toThrow(/not a host name/);

    await setEmbedSettings(admin, { enabled: [], mastodon: [] });
    expect(await enabledPlayerOrigins()).toEqual([]);
    expect(frameOrigins()).toEqual([]);
    const [shown] = (await resolveBodyRefs(db, doc)).content as EmbedNode[];
    expect(shown!.attrs).toMatchObject({ title: 'Harbour video toggle', playerUrl: null });

    // A Mastodon instance added is on at once; the audit trail says who changed what.
    const saved = await setEmbedSettings(admin, { enabled: ['Local Video'], mastodon: ['https://Social.Example.org/@someone', 'social.example.org'] });
    expect(saved).toEqual({ disabled: [], mastodon: ['social.example.org'] });
    expect(frameOrigins()).toEqual(['https://player.local.test']);
    expect(((await resolveBodyRefs(db, doc)).content[0] as EmbedNode).attrs.playerUrl).toBe('https://player.local.test/embed/toggle');
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: 'settings.embeds', actorId: admin.id }, orderBy: { createdAt: 'desc' } });
    expect(audit.toState).toContain('social.example.org');
    await setEmbedSettings(admin, { enabled: ['Local Video'], mastodon: [] });
  });
});
