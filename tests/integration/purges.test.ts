import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createStory } from '@/lib/data/stories';
import type { Viewer } from '@/lib/data/viewer';
import { purgeForNewBuild, sendDuePurges } from '@/lib/jobs/front-purge';
import { stopBoss } from '@/lib/jobs/boss';
import { makeUser, storyFields } from './helpers';

// No purge is lost: a change and the purges it owes the cache fronts commit together, and a
// process that dies after the commit, in the middle of sending them, leaves them to the sweep of
// any other instance. The front here is a real HTTP server that speaks the front's purge protocol
// (PURGE with xkey-purge and the shared secret), as Varnish does in the e2e tests.

let editor: Viewer;
let sectionId: string;
const secret = randomBytes(24).toString('base64url');

type Seen = { method: string; keys: string; secret: string | undefined };
let front: Server;
let frontUrl: string;
const seen: Seen[] = [];
let onPurge: (req: IncomingMessage) => 'answer' | 'refuse' | 'hang' = () => 'answer';

beforeAll(async () => {
  process.env.MASTHEAD_PURGE_SECRET = secret;
  editor = await makeUser('EDITOR');
  sectionId = (await db.section.upsert({ where: { slug: 'politics' }, update: {}, create: { name: 'Politics', slug: 'politics' } })).id;
  front = createServer((req, res) => {
    seen.push({ method: req.method ?? '', keys: String(req.headers['xkey-purge'] ?? ''), secret: req.headers['x-purge-secret'] as string | undefined });
    const what = onPurge(req);
    if (what !== 'hang') res.writeHead(what === 'answer' && req.headers['x-purge-secret'] === secret ? 200 : 403).end();
  });
  await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
  frontUrl = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
});
afterAll(async () => {
  front.closeAllConnections();
  await new Promise((resolve) => front.close(resolve));
  await stopBoss();
});

async function approvedStory() {
  const { id } = await createStory(editor, storyFields([editor.id], { sectionId }));
  await db.story.update({ where: { id }, data: { status: 'APPROVED' } });
  return id;
}

describe('purges of the cache front', () => {
  it('survive the death of the process that made the change, mid-send: another instance’s sweep delivers them', { timeout: 60_000 }, async () => {
    const storyId = await approvedStory();
    const key = `api-story:${storyId}`;
    const child = spawn(process.execPath, ['--conditions=react-server', '--import', 'tsx', 'tests/support/publish-story.ts', storyId, editor.id], {
      env: { ...process.env, MASTHEAD_FRONT_URLS: frontUrl, MASTHEAD_PURGE_SECRET: secret },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
    // The publishing process is killed the moment its purge reaches the front, before any answer.
    onPurge = (req) => {
      if (String(req.headers['xkey-purge']).includes(key)) {
        child.kill('SIGKILL');
        return 'hang';
      }
      return 'answer';
    };
    expect(await exited, output).toBe('SIGKILL');
    expect(output).not.toContain('published');

    // The publication committed, and so did the purge it owes; nobody confirmed it.
    expect((await db.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true } })).status).toBe('PUBLISHED');
    const owed = () => db.frontPurge.findMany({ where: { keys: { has: key } }, select: { sentAt: true, attempts: true, front: true } });
    expect(await owed()).toMatchObject([{ sentAt: null, attempts: 1, front: frontUrl }]);

    // Another instance's sweep takes it once the dead process's claim has lapsed, and the front confirms.
    onPurge = () => 'answer';
    const before = seen.length;
    await expect.poll(async () => (await sendDuePurges(), (await owed())[0]!.sentAt), { timeout: 20_000, interval: 500 }).not.toBeNull();
    const delivered = seen.slice(before).find((s) => s.keys.includes(key));
    expect(delivered).toMatchObject({ method: 'PURGE', secret });
    expect(delivered!.keys).toContain(`path:politics/`);
  });

  it('are not recorded for a change that rolls back', async () => {
    const before = await db.frontPurge.count();
    await expect(
      db.$transaction(async (tx) => {
        await tx.frontPurge.create({ data: { front: frontUrl, keys: ['home'] } });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.frontPurge.count()).toBe(before);
  });

  it('are retried while a front refuses them, and confirmed once it takes them', async () => {
    const row = await db.frontPurge.create({ data: { front: frontUrl, keys: ['section:politics'] } });
    onPurge = () => 'refuse';
    await sendDuePurges();
    const refused = await db.frontPurge.findUniqueOrThrow({ where: { id: row.id } });
    expect(refused.sentAt).toBeNull();
    expect(refused.lastError).toMatch(/403/);
    expect(refused.nextAt.getTime()).toBeGreaterThan(Date.now());

    onPurge = () => 'answer';
    await db.frontPurge.update({ where: { id: row.id }, data: { nextAt: new Date() } });
    await sendDuePurges();
    expect((await db.frontPurge.findUniqueOrThrow({ where: { id: row.id } })).sentAt).not.toBeNull();
  });

  it('a backlog of hundreds of changes (a front that was down) goes out in requests whose header fits the front, and every key reaches it', async () => {
    // Varnish refuses a request with a header line over 8 KB (http_req_hdr_len) with 400.
    onPurge = (req) => (String(req.headers['xkey-purge'] ?? '').length > 8192 ? 'refuse' : 'answer');
    await db.frontPurge.updateMany({ where: { sentAt: null }, data: { sentAt: new Date() } });
    const owed = Array.from({ length: 300 }, (_, i) => [`path:world/backlog-story-number-${i}`, `api-story:backlog-${i}`, 'home', 'section:world', 'api-lists', 'feeds']);
    // One change whose keys alone are over the limit: a rename of a tag on very many stories.
    owed.push(Array.from({ length: 400 }, (_, i) => `path:world/renamed-tag-story-${i}`));
    await db.frontPurge.createMany({ data: owed.map((keys) => ({ front: frontUrl, keys, nextAt: new Date(Date.now() - 1000) })) });
    const from = seen.length;

    await sendDuePurges();

    expect(await db.frontPurge.count({ where: { front: frontUrl, sentAt: null } })).toBe(0);
    const sent = seen.slice(from);
    expect(sent.length).toBeGreaterThan(1);
    expect(Math.max(...sent.map((s) => s.keys.length))).toBeLessThanOrEqual(6000);
    const delivered = new Set(sent.flatMap((s) => s.keys.split(' ')));
    for (const key of owed.flat()) expect(delivered.has(key), key).toBe(true);
    onPurge = () => 'answer';
  });

  it('purge every page once when the first instance of a new build starts, and not again for the same build', async () => {
    const sitePurges = () => db.frontPurge.count({ where: { front: frontUrl, keys: { has: 'site' } } });
    const before = await sitePurges();
    expect(await purgeForNewBuild(`build-a-${Date.now()}`, [frontUrl])).toBe(false); // a first start replaces nothing
    const b = `build-b-${Date.now()}`;
    expect(await purgeForNewBuild(b, [frontUrl])).toBe(true);
    expect(await purgeForNewBuild(b, [frontUrl])).toBe(false); // a second instance of the same build
    expect(await sitePurges()).toBe(before + 1);
    await sendDuePurges();
    expect(seen.some((s) => s.keys.split(' ').includes('site'))).toBe(true);
  });
});
