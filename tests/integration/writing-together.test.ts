import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { applySuggestion, revertSuggestion, toggleSuggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { Editor, type JSONContent } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import Collaboration from '@tiptap/extension-collaboration';
import { canonicalBody } from '@/lib/editor/canonical';
import { encode } from 'next-auth/jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { setText } from '@/lib/collab/text-edit';
import { bodyOfDoc, fieldsOfDoc, widestVector } from '@/lib/collab/ydoc';
import { openStoryDoc, storeStoryDoc } from '@/lib/data/story-docs';
import { docName } from '@/lib/collab/names';
import { runningCollab } from '@/lib/collab/registry';
import { startCollaboration } from '@/lib/collab/server';
import { db } from '@/lib/db';
import { openSession } from '@/lib/data/sessions';
import { createStory, saveStory } from '@/lib/data/stories';
import { restoreRevision } from '@/lib/data/revisions';
import { VersionConflictError } from '@/lib/data/errors';
import { saveStorySchema, textFieldSchemas } from '@/lib/validations/story';
import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type { Viewer } from '@/lib/data/viewer';
import { storyExtensions } from '@/lib/editor/extensions';
import { docFromPlainText, toPlainText } from '@/lib/editor/plain-text';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { SuggestChanges } from '@/lib/editor/suggestions';
import { stopBoss } from '@/lib/jobs/boss';
import { makeUser, storyFields } from './helpers';

// Writing together, proven by a fuzz: several headless Tiptap editors with Masthead's whole schema
// edit one story through the real collaboration server over real WebSockets: typing, deleting,
// splitting and joining paragraphs, marks, lists, comments, suggestions made, accepted and
// rejected, with random disconnects and a server that crashes and comes back. At the end every
// editor holds the same document, it passes the body schema, each suggestion id belongs to one
// person, and the stored Story.body is that document. A failure prints its seed; FUZZ_SEED=<n>
// replays one.

// A DOM for the editors' views, lent to them as globals. (Not vitest's jsdom environment, which
// replaces Node's typed arrays with the window's, and the database driver then refuses them.)
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
Object.assign(globalThis, { window: dom.window, document: dom.window.document, MutationObserver: dom.window.MutationObserver, getSelection: dom.window.getSelection.bind(dom.window) });
if (!('navigator' in globalThis)) Object.assign(globalThis, { navigator: dom.window.navigator });

process.env.AUTH_SECRET ??= 'writing-together-fuzz-secret-0123456789abcdef';
const COOKIE = 'authjs.session-token';
const SEEDS = process.env.FUZZ_SEED ? [Number(process.env.FUZZ_SEED)] : [11, 29, 47, 101, 202];
const STEPS = 160;

let server: Server;
let origin: string;

beforeAll(async () => {
  await startCollaboration();
  server = createServer((_req, res) => res.writeHead(404).end());
  server.on('upgrade', (req, socket, head) => {
    const collab = runningCollab();
    if (!collab) return socket.destroy();
    collab.upgrade(req, socket, head);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await runningCollab()?.stop({ store: true });
  await new Promise((resolve) => server.close(resolve));
  await stopBoss();
});

/** A small seeded generator (mulberry32): the same seed makes the same edits. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

// `heard`: every stateless message the server sent this client, from its first moment.
type Client = { viewer: Viewer; editor: Editor; provider: HocuspocusProvider; socket: HocuspocusProviderWebsocket; ydoc: Y.Doc; heard: Record<string, unknown>[] };

async function cookieFor(viewer: Viewer): Promise<string> {
  const sid = await openSession(viewer.id, 'fuzz');
  const token = await encode({ token: { sub: viewer.id, sid }, secret: process.env.AUTH_SECRET!, salt: COOKIE });
  return `${COOKIE}=${token}`;
}

async function connect(viewer: Viewer, storyId: string, canSuggest: boolean): Promise<Client> {
  const cookie = await cookieFor(viewer);
  // The browser sends the cookie and its origin with the upgrade; so does this socket.
  const Browserish = class extends WebSocket {
    constructor(url: string) {
      super(url, { headers: { cookie, origin } });
      // A browser's socket reports a failed connection as an event, never as an exception.
      this.on('error', () => {});
    }
  };
  const ydoc = new Y.Doc();
  const socket = new HocuspocusProviderWebsocket({ url: `${origin.replace('http', 'ws')}/api/collab`, WebSocketPolyfill: Browserish, delay: 50, minDelay: 20, maxDelay: 300 });
  const heard: Record<string, unknown>[] = [];
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: docName(storyId), document: ydoc, token: 'session-cookie', onStateless: ({ payload }) => void heard.push(JSON.parse(payload) as Record<string, unknown>) });
  provider.attach();
  // As the browser does: its awareness names the person (and tells the server its client id).
  provider.setAwarenessField('user', { name: viewer.name, color: '#123456' });
  let count = 0;
  const editor = new Editor({
    element: document.createElement('div'),
    extensions: [
      ...storyExtensions({ shared: true }),
      SuggestChanges.configure({ author: viewer.name, generateId: canSuggest ? () => `s${ydoc.clientID.toString(36)}-${(count++).toString(36)}` : null }),
      Collaboration.configure({ document: ydoc, field: BODY_FIELD }),
    ],
  });
  await until(() => provider.isSynced, 'the first sync');
  return { viewer, editor, provider, socket, ydoc, heard };
}

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Positions inside text blocks, where a caret can be. */
function caretPositions(editor: Editor): number[] {
  const positions: number[] = [];
  editor.state.doc.descendants((node, pos) => {
    if (node.isTextblock) for (let i = 0; i <= node.content.size; i++) positions.push(pos + 1 + i);
    return !node.isTextblock;
  });
  return positions;
}

function suggestionIds(editor: Editor): (string | number)[] {
  const ids = new Set<string | number>();
  editor.state.doc.descendants((node) => {
    for (const mark of node.marks) if (['insertion', 'deletion', 'modification'].includes(mark.type.name)) ids.add(mark.attrs.id as string | number);
  });
  return [...ids];
}

const WORDS = ['port', 'strike', ' ', 'Lima', 'summit', '“talks”', 'é', '—', 'ends', '.', ' the ', 'Yoon'];

/** One random edit, as a person would make it; an edit the document cannot take is simply not made. */
function edit(client: Client, rng: ReturnType<typeof random>, canSuggest: boolean) {
  const { editor } = client;
  const positions = caretPositions(editor);
  if (positions.length === 0) return;
  const at = rng.pick(positions);
  const span = (max: number) => {
    const from = rng.pick(positions);
    const to = Math.min(editor.state.doc.content.size - 1, from + 1 + rng.int(max));
    return { from, to: Math.max(from, to) };
  };
  const chain = () => editor.chain();
  try {
    switch (rng.int(14)) {
      case 0:
      case 1:
      case 2:
        chain().setTextSelection(at).insertContent(rng.pick(WORDS)).run();
        break;
      case 3:
        chain().setTextSelection(span(6)).deleteSelection().run();
        break;
      case 4:
        chain().setTextSelection(at).splitBlock().run();
        break;
      case 5:
        chain().setTextSelection(at).joinBackward().run();
        break;
      case 6:
        chain().setTextSelection(span(8)).toggleMark(rng.pick(['bold', 'italic'])).run();
        break;
      case 7:
        chain().setTextSelection(at).toggleBulletList().run();
        break;
      case 8:
        chain().setTextSelection(span(10)).setMark('comment', { commentId: `fuzz${rng.int(1e6).toString(36).padStart(6, '0')}` }).run();
        break;
      case 9:
        if (canSuggest) toggleSuggestChanges(editor.state, editor.view.dispatch);
        break;
      case 10:
      case 11: {
        const ids = suggestionIds(editor);
        if (ids.length === 0) break;
        const id = rng.pick(ids);
        (rng.int(2) ? applySuggestion(id) : revertSuggestion(id))(editor.state, editor.view.dispatch);
        break;
      }
      case 12:
      case 13: {
        // Typing in the headline or the dek, as its input reports it: the whole new value.
        const text = client.ydoc.getText(rng.pick(['headline', 'dek'] as const));
        const value = text.toString();
        const where = rng.int(value.length + 1);
        const cut = value.length > 12 ? rng.int(4) : 0;
        setText(text, value.slice(0, where) + (rng.int(3) ? rng.pick(WORDS) : '') + value.slice(where + cut));
        break;
      }
    }
  } catch {
    // A command that does not apply here (joining at the document's start, say) changes nothing.
  }
}

/**
 * A document with each text's marks in one order. Two marks of one type on the same text (two
 * comments on a word) keep the order they were added in the editor that added them, while the
 * others receive them in the shared document's order; the order means nothing, the set does.
 */
const json = (client: Client): JSONContent => canonicalBody(client.editor.getJSON());

describe('writing together', () => {
  for (const seed of SEEDS) {
    it(`converges: every editor, the schema and the stored body agree (seed ${seed})`, { timeout: 120_000 }, async () => {
      try {
        await fuzz(seed);
      } catch (error) {
        throw new Error(`Writing-together fuzz failed with seed ${seed} (replay: FUZZ_SEED=${seed}): ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    });
  }
});

async function fuzz(seed: number) {
  const rng = random(seed);
  const reporter = await makeUser('REPORTER');
  const editors = [await makeUser('EDITOR'), await makeUser('EDITOR'), await makeUser('EDITOR')];
  const story = await createStory(reporter, storyFields([reporter.id], { headline: `Fuzz ${seed}`, body: docFromPlainText('The port reopened on Monday.\nDockworkers returned to the cranes.\nShips queued outside.') }));
  const people = [reporter, ...editors];
  const clients: Client[] = [];
  for (const viewer of people) clients.push(await connect(viewer, story.id, viewer.role !== 'REPORTER'));
  // No document was seeded twice: everyone starts from the one stored body.
  expect(json(clients[1]!)).toEqual(json(clients[0]!));
  expect((json(clients[0]!).content ?? []).length).toBe(3);

  const restartAt = STEPS / 2 + rng.int(STEPS / 4);
  for (let step = 0; step < STEPS; step++) {
    const client = rng.pick(clients);
    const roll = rng.int(20);
    if (roll === 0 && client.socket.status === 'connected') client.socket.disconnect();
    else if (roll === 1 && client.socket.status === 'disconnected') void client.socket.connect();
    else edit(client, rng, client.viewer.role !== 'REPORTER');
    if (step === restartAt) {
      // The server crashes (nothing stored since the last store) and comes back.
      await runningCollab()!.stop({ store: false });
      await startCollaboration();
    }
    if (rng.int(4) === 0) await new Promise((resolve) => setTimeout(resolve, rng.int(30)));
  }

  // Everyone back online, every edit exchanged.
  const reconnect = () => {
    for (const client of clients) if (client.socket.status === 'disconnected') void client.socket.connect();
  };
  await until(() => (reconnect(), clients.every((c) => c.provider.isSynced && !c.provider.hasUnsyncedChanges)), 'every editor to sync').catch((error: Error) => {
    throw new Error(`${error.message} ${JSON.stringify(clients.map((c) => ({ status: c.socket.status, synced: c.provider.isSynced, unsynced: c.provider.unsyncedChanges })))}`);
  });
  await until(() => clients.every((c) => JSON.stringify(json(c)) === JSON.stringify(json(clients[0]!))), 'the editors to agree').catch((error: Error) => {
    if (process.env.FUZZ_DEBUG) for (const c of clients) console.log('Y', c.ydoc.getXmlFragment(BODY_FIELD).toJSON(), '\nPM', JSON.stringify(json(c)));
    throw error;
  });
  const final = json(clients[0]!) as Doc;
  const finalFields = fieldsOfDoc(clients[0]!.ydoc);
  for (const client of clients) expect(fieldsOfDoc(client.ydoc)).toEqual(finalFields);

  const parsed = parseBody(final);
  expect(parsed.ok ? 'valid' : parsed.error).toBe('valid');
  // Each suggestion id is one person's.
  const authors = new Map<string, Set<string>>();
  clients[0]!.editor.state.doc.descendants((node) => {
    for (const mark of node.marks) {
      if (!['insertion', 'deletion', 'modification'].includes(mark.type.name)) continue;
      const id = String(mark.attrs.id);
      authors.set(id, (authors.get(id) ?? new Set()).add(String(mark.attrs.author)));
    }
  });
  if (process.env.FUZZ_DEBUG) clients[0]!.editor.state.doc.descendants((node) => { if (node.marks.some((m) => ['insertion','deletion','modification'].includes(m.type.name))) console.log(JSON.stringify(node.toJSON())); });
  for (const [id, who] of authors) expect([id, [...who]]).toEqual([id, [...who].slice(0, 1)]);
  // … the one whose editor made it (ids are made from the editor's client id), as the server says.
  const maker = new Map(clients.map((c) => [`s${c.ydoc.clientID.toString(36)}`, c.viewer.name]));
  for (const [id, who] of authors) expect([id, [...who][0]]).toEqual([id, maker.get(id.split('-')[0]!)]);

  // The stored body is the document, once stored (at once when asked, as before a workflow step).
  await runningCollab()!.storeNow(story.id);
  const stored = async () => canonicalBody((await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { body: true } })).body as JSONContent);
  await until(async () => JSON.stringify(await stored()) === JSON.stringify(final), 'the stored body', 5_000).catch(() => {});
  expect(await stored()).toEqual(final);
  // … and the stored headline and dek are the document's, as a save would store them.
  const row = await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { headline: true, dek: true } });
  expect(row).toEqual({ headline: textFieldSchemas.headline.parse(finalFields.headline), dek: textFieldSchemas.dek.parse(finalFields.dek) });

  for (const client of clients) {
    client.editor.destroy();
    client.provider.destroy();
    client.socket.destroy();
  }
}

/** The author and time of each suggestion in a body, by id. */
function suggestionStamps(body: JSONContent): Record<string, { author: unknown; at: unknown }> {
  const found: Record<string, { author: unknown; at: unknown }> = {};
  const visit = (node: JSONContent) => {
    for (const mark of node.marks ?? []) if (['insertion', 'deletion', 'modification'].includes(mark.type)) found[String(mark.attrs?.id)] = { author: mark.attrs?.author, at: mark.attrs?.at };
    node.content?.forEach(visit);
  };
  visit(body);
  return found;
}

describe('suggestion authors, written together', () => {
  it('are the server’s: a mark that names someone else is corrected for everyone; one already stored keeps its author', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const editor = await makeUser('EDITOR');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Suggestion authors', body: docFromPlainText('The port reopened') }));
    const earlier = { id: 'earlier-1', author: 'Earlier Person', at: '2026-01-02T03:04:05.000Z' };
    await db.story.update({
      where: { id: story.id },
      data: { body: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The port reopened' }, { type: 'text', text: ' on Monday', marks: [{ type: 'insertion', attrs: earlier }] }] }] } },
    });
    const [mine, theirs] = [await connect(reporter, story.id, true), await connect(editor, story.id, true)];
    // The reporter's editor writes a suggestion of its own under the editor's name.
    mine.editor.chain().setTextSelection(mine.editor.state.doc.content.size - 1).insertContent({ type: 'text', text: ' again', marks: [{ type: 'insertion', attrs: { id: 'forged-1', author: editor.name, at: '2001-01-01T00:00:00.000Z' } }] }).run();
    // The editor splits the paragraph inside the stored suggestion: its pieces keep their author.
    await until(() => theirs.editor.getText().includes('again'), 'the suggestion to arrive');
    theirs.editor.chain().setTextSelection(24).splitBlock().run();

    await until(async () => {
      await runningCollab()!.storeNow(story.id);
      const body = (await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { body: true } })).body as JSONContent;
      return suggestionStamps(body)['forged-1']?.author === reporter.name && (body.content ?? []).length === 2;
    }, 'the stored body to carry the server’s author');
    const body = (await db.story.findUniqueOrThrow({ where: { id: story.id }, select: { body: true } })).body as JSONContent;
    const stamps = suggestionStamps(body);
    expect(stamps['earlier-1']).toEqual({ author: earlier.author, at: earlier.at });
    expect(stamps['forged-1']!.author).toBe(reporter.name);
    // Both editors show the corrected author too: the correction went out as an edit.
    for (const client of [mine, theirs]) await until(() => suggestionStamps(client.editor.getJSON())['forged-1']?.author === reporter.name, `${client.viewer.name}'s editor to show the server's author`);
    expect(suggestionStamps(theirs.editor.getJSON())['earlier-1']).toEqual({ author: earlier.author, at: earlier.at });
    for (const client of [mine, theirs]) {
      client.editor.destroy();
      client.provider.destroy();
      client.socket.destroy();
    }
  });
});

const docRow = async (id: string) => (await db.$queryRaw<{ state: string; bytes: number }[]>`SELECT md5("state") AS "state", octet_length("state") AS "bytes" FROM "StoryDoc" WHERE "storyId" = ${id}`)[0]!;
const storedRow = (id: string) => db.story.findUniqueOrThrow({ where: { id }, select: { headline: true, dek: true, seoTitle: true, body: true, version: true, docSeq: true } });
function close(clients: Client[]) {
  for (const client of clients) {
    client.editor.destroy();
    client.provider.destroy();
    client.socket.destroy();
  }
}

describe('text fields, written together', () => {
  it('merge two people typing in one headline, store it, and take a save from outside in as a forward edit', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const editor = await makeUser('EDITOR');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Summit in Lima', dek: 'Leaders meet.', body: docFromPlainText('The talks began.') }));
    const [mine, theirs] = [await connect(reporter, story.id, false), await connect(editor, story.id, true)];
    // Seeded once from the row: both hold the story's fields.
    expect(fieldsOfDoc(mine.ydoc)).toMatchObject({ headline: 'Summit in Lima', dek: 'Leaders meet.' });
    expect(fieldsOfDoc(theirs.ydoc).headline).toBe('Summit in Lima');

    // At the same moment, one types at the start and the other at the end.
    setText(mine.ydoc.getText('headline'), 'Pacific summit in Lima');
    setText(theirs.ydoc.getText('headline'), 'Summit in Lima ends');
    await until(() => [mine, theirs].every((c) => fieldsOfDoc(c.ydoc).headline === 'Pacific summit in Lima ends'), 'both headlines to merge');
    const before = await storedRow(story.id);
    await until(async () => (await runningCollab()!.storeNow(story.id), (await storedRow(story.id)).headline === 'Pacific summit in Lima ends'), 'the stored headline');
    const after = await storedRow(story.id);
    // The metadata's version is untouched (no save conflict for anyone); the document's counter moved.
    expect(after.version).toBe(before.version);
    expect(after.docSeq).toBeGreaterThan(before.docSeq);
    const revision = await db.revision.findFirst({ where: { storyId: story.id }, orderBy: { createdAt: 'desc' }, select: { snapshot: true, editorIds: true } });
    expect((revision!.snapshot as { headline: string }).headline).toBe('Pacific summit in Lima ends');
    expect(new Set(revision!.editorIds)).toEqual(new Set([reporter.id, editor.id]));

    // A save from outside the document (the desk API, no body) rewrites the headline while the
    // reporter types in the dek: the headline arrives as a forward edit, the dek typing stays.
    setText(mine.ydoc.getText('dek'), 'Leaders meet again.');
    await saveStory(editor, story.id, saveStorySchema.parse({ ...storyFields([reporter.id]), headline: 'Talks in Lima', dek: undefined, seoTitle: 'Lima talks', body: undefined, baseVersion: after.version, kind: 'autosave' }));
    await until(() => [mine, theirs].every((c) => fieldsOfDoc(c.ydoc).headline === 'Talks in Lima' && fieldsOfDoc(c.ydoc).seoTitle === 'Lima talks'), 'the outside save to reach both editors');
    await until(async () => (await runningCollab()!.storeNow(story.id), (await storedRow(story.id)).dek === 'Leaders meet again.'), 'the typed dek to be stored');
    expect(await storedRow(story.id)).toMatchObject({ headline: 'Talks in Lima', dek: 'Leaders meet again.', seoTitle: 'Lima talks' });
    expect(fieldsOfDoc(theirs.ydoc).dek).toBe('Leaders meet again.');
    close([mine, theirs]);
  });

  it('never store an emptied headline, and never lay the old one over it', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText('Dockworkers walked out.') }));
    const client = await connect(reporter, story.id, false);
    // The reporter clears the headline to retype it, and types in the body.
    setText(client.ydoc.getText('headline'), '');
    client.editor.chain().setTextSelection(1).insertContent('All ').run();
    await until(async () => (await runningCollab()!.storeNow(story.id), ((await storedRow(story.id)).body as JSONContent).content?.[0]?.content?.[0]?.text === 'All Dockworkers walked out.'), 'the body to be stored');
    expect((await storedRow(story.id)).headline).toBe('Port strike');
    // The body is then written from outside (a restore, say): the emptied headline stays empty.
    await db.story.update({ where: { id: story.id }, data: { body: docFromPlainText('Dockworkers walked out on Monday.') as object } });
    await until(() => client.editor.getText().includes('on Monday'), 'the outside body to arrive');
    expect(fieldsOfDoc(client.ydoc).headline).toBe('');
    setText(client.ydoc.getText('headline'), 'Port strike ends');
    await until(async () => (await runningCollab()!.storeNow(story.id), (await storedRow(story.id)).headline === 'Port strike ends'), 'the retyped headline to be stored');
    close([client]);
  });

  it('come into a document stored before they were part of it, once', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Older document', dek: 'Stored with its body only.', body: docFromPlainText('Text.') }));
    // A document as the server stored them before text fields were shared: the body alone, and the body's hash.
    const old = new Y.Doc();
    prosemirrorJSONToYXmlFragment(getSchema(storyExtensions()), docFromPlainText('Text.'), old.getXmlFragment(BODY_FIELD));
    await db.$executeRaw`INSERT INTO "StoryDoc" ("storyId", "state", "sourceHash", "updatedAt") SELECT ${story.id}, ${Buffer.from(Y.encodeStateAsUpdate(old))}, md5("body"::text), now() FROM "Story" WHERE "id" = ${story.id}`;
    const [a, b] = [await connect(reporter, story.id, false), await connect(reporter, story.id, false)];
    for (const client of [a, b]) expect(fieldsOfDoc(client.ydoc)).toMatchObject({ headline: 'Older document', dek: 'Stored with its body only.' });
    close([a, b]);
  });
});

describe('saves made alone while the document is open', () => {
  // A new story before its page joins the document, or a page whose WebSockets are blocked, saves
  // the usual way while someone else has the document open. Each such save reaches the document as
  // a forward edit and is stored with nothing new to write: it must not count as the document's
  // own write (Story.docSeq), or the next save from that page is refused as if someone had typed.
  it('are taken in without moving the document’s count, so the next one is not refused; a real edit in the document still refuses a stale one', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const editor = await makeUser('EDITOR');
    // Marks with attributes and several paragraphs: the row's jsonb spells their keys in another order.
    const first: Doc = {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: '”Close cooperation', marks: [{ type: 'bold' }] }, { type: 'text', text: ' matters,” Yoon said.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The talks', marks: [{ type: 'link', attrs: { href: 'https://example.org/talks' } }] }, { type: 'text', text: ' lasted 50 minutes.' }] },
      ],
    };
    const fields = storyFields([reporter.id], { headline: 'Summit in Lima', body: first });
    const story = await createStory(reporter, fields);
    const open = await connect(editor, story.id, true);
    let body = first;
    let saved = { version: (await storedRow(story.id)).version, docSeq: 0 };
    for (const [from, to] of [['”Close', '“Close'], ['50 minutes', '50 minutes in Lima'], ['Yoon said', 'President Yoon said']] as const) {
      body = JSON.parse(JSON.stringify(body).replace(from, to)) as Doc;
      const answer = await saveStory(reporter, story.id, saveStorySchema.parse({ ...fields, body, baseVersion: saved.version, baseDocSeq: saved.docSeq, kind: 'autosave' }));
      saved = { version: answer.version, docSeq: answer.docSeq ?? saved.docSeq };
      // Taken into the open document (the server stored it, then sent it on).
      await until(() => open.editor.getText().includes(to), `"${to}" to reach the open document`);
      await runningCollab()!.storeNow(story.id);
      expect((await storedRow(story.id)).docSeq).toBe(0);
    }
    expect(canonicalBody((await storedRow(story.id)).body as JSONContent)).toEqual(canonicalBody(body));

    // Someone types in the document: a save based on the count before that is refused.
    open.editor.chain().setTextSelection(1).insertContent('Today: ').run();
    await until(async () => (await runningCollab()!.storeNow(story.id), (await storedRow(story.id)).docSeq > 0), 'the typed text to be stored');
    await expect(saveStory(reporter, story.id, saveStorySchema.parse({ ...fields, body, baseVersion: saved.version, baseDocSeq: saved.docSeq, kind: 'autosave' }))).rejects.toThrow(VersionConflictError);
    close([open]);
  });
});

describe('storing while people type', () => {
  it('appends only the edit: the Story row follows at a pause, the count moves at once, so a save from outside on the old row is refused', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    // A long story (about 3,000 words), so that the edit is small beside it.
    const long = ['Dockworkers walked out.', ...Array.from({ length: 150 }, (_, i) => `Paragraph ${i} of the strike report, with enough words to weigh what a real one does.`)];
    const fields = storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText(long.join('\n\n')) });
    const story = await createStory(reporter, fields);
    const doc = new Y.Doc();
    const opened = await openStoryDoc(story.id);
    Y.applyUpdate(doc, opened.state);
    const before = await storedRow(story.id);
    const stateBefore = await docRow(story.id);
    const revisions = await db.revision.count({ where: { storyId: story.id } });
    const vector = Y.encodeStateVector(doc);
    setText(doc.getText('headline'), 'Port strike ends');
    ((doc.getXmlFragment(BODY_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'All ');

    // Typing goes on: the edit is appended, the state and the row are not rewritten, and no revision is filed.
    const typing = await storeStoryDoc(story.id, () => Y.encodeStateAsUpdate(doc), [reporter.id], { row: false, typed: { delta: Y.encodeStateAsUpdate(doc, vector), mark: opened.mark } });
    expect(typing.wrote).toBe(false);
    expect(typing.mark.folds).toBe(opened.mark.folds);
    const log = await db.$queryRaw<{ bytes: number }[]>`SELECT octet_length("update") AS "bytes" FROM "StoryDocUpdate" WHERE "storyId" = ${story.id}`;
    expect(log).toHaveLength(1);
    expect(log[0]!.bytes).toBeLessThan(stateBefore.bytes / 50);
    expect(await docRow(story.id)).toEqual(stateBefore);
    const during = await storedRow(story.id);
    expect({ headline: during.headline, body: during.body, version: during.version }).toEqual({ headline: before.headline, body: before.body, version: before.version });
    expect(during.docSeq).toBe(before.docSeq + 1);
    expect(await db.revision.count({ where: { storyId: story.id } })).toBe(revisions);
    // Nothing typed is lost: the document as stored holds it (what a restart or another instance opens).
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await openStoryDoc(story.id)).state);
    expect(fieldsOfDoc(reopened).headline).toBe('Port strike ends');
    expect(toPlainText(bodyOfDoc(reopened)).split('\n\n')[0]).toBe('All Dockworkers walked out.');
    // A save made outside the document on the row as it was cannot lay the old text over it.
    await expect(saveStory(reporter, story.id, saveStorySchema.parse({ ...fields, baseVersion: before.version, baseDocSeq: before.docSeq, kind: 'autosave' }))).rejects.toThrow(VersionConflictError);

    // At the pause the row is written from the document, with a revision naming the typist, and
    // the log is folded into the state.
    const paused = await storeStoryDoc(story.id, Y.encodeStateAsUpdate(doc), [reporter.id]);
    expect(paused.wrote).toBe(true);
    expect(paused.mark).toEqual({ folds: opened.mark.folds + 1, lastId: null });
    expect(await db.storyDocUpdate.count({ where: { storyId: story.id } })).toBe(0);
    const after = await storedRow(story.id);
    expect(after.headline).toBe('Port strike ends');
    expect(toPlainText(after.body as Doc).split('\n\n')[0]).toBe('All Dockworkers walked out.');
    expect(after.version).toBe(before.version);
    expect(await db.revision.count({ where: { storyId: story.id } })).toBe(revisions + 1);
    for (const d of [doc, reopened]) d.destroy();
  });

  it('from two instances: each appends its own edit and takes the other’s from the log; a whole write makes the other read it all', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText('Dockworkers walked out.\n\nShips waited offshore.') }));
    // Two servers' copies of the document, each with what it knows is stored.
    const instances = await Promise.all([0, 1].map(async () => {
      const opened = await openStoryDoc(story.id);
      const doc = new Y.Doc();
      Y.applyUpdate(doc, opened.state);
      return { doc, mark: opened.mark, vector: Y.encodeStateVector(doc) };
    }));
    const paragraph = (doc: Y.Doc, n: number) => (doc.getXmlFragment(BODY_FIELD).get(n) as Y.XmlElement).get(0) as Y.XmlText;
    const store = async (i: number, row = false) => {
      const it = instances[i]!;
      const vector = Y.encodeStateVector(it.doc);
      const result = await storeStoryDoc(story.id, () => Y.encodeStateAsUpdate(it.doc), [reporter.id], { row, typed: { delta: Y.encodeStateAsUpdate(it.doc, it.vector), mark: it.mark } });
      if (result.elsewhere) Y.applyUpdate(it.doc, result.elsewhere);
      if (result.outside) Y.applyUpdate(it.doc, result.outside);
      it.mark = result.mark;
      it.vector = widestVector(vector, [result.elsewhere, result.outside]);
      return result;
    };
    const [a, b] = instances as [(typeof instances)[0], (typeof instances)[0]];
    paragraph(a.doc, 0).insert(0, 'All ');
    await store(0);
    paragraph(b.doc, 1).insert(paragraph(b.doc, 1).length, ' Then they docked.');
    // B appends its own edit and receives A's from the log.
    expect((await store(1)).elsewhere).not.toBeNull();
    expect(toPlainText(bodyOfDoc(b.doc))).toBe('All Dockworkers walked out.\n\nShips waited offshore. Then they docked.');
    expect(await db.storyDocUpdate.count({ where: { storyId: story.id } })).toBe(2);
    // A writes the row at a pause (the state whole, the log folded in, B's edit with it).
    paragraph(a.doc, 0).insert(paragraph(a.doc, 0).length, ' On Monday.');
    await store(0, true);
    expect(toPlainText((await storedRow(story.id)).body as Doc)).toBe('All Dockworkers walked out. On Monday.\n\nShips waited offshore. Then they docked.');
    // B, typing, finds the state written whole since it last read it: it reads all of it, and loses nothing.
    paragraph(b.doc, 1).insert(0, 'Ten ');
    const foldsBefore = b.mark.folds;
    const whole = await store(1);
    expect(whole.mark).toEqual({ folds: foldsBefore + 2, lastId: null });
    expect(await db.storyDocUpdate.count({ where: { storyId: story.id } })).toBe(0);
    expect(toPlainText(bodyOfDoc(b.doc))).toBe('All Dockworkers walked out. On Monday.\n\nTen Ships waited offshore. Then they docked.');
    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, (await openStoryDoc(story.id)).state);
    expect(toPlainText(bodyOfDoc(reopened))).toBe(toPlainText(bodyOfDoc(b.doc)));
    for (const d of [a.doc, b.doc, reopened]) d.destroy();
  });

  it('through the server: typing goes to the log, which the next server reads after a crash', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText('Dockworkers walked out.') }));
    const client = await connect(reporter, story.id, false);
    const logged = async () => db.storyDocUpdate.count({ where: { storyId: story.id } });
    // Typing without a pause until a store of typing has appended to the log (the store's maximum wait is 2 s).
    const deadline = Date.now() + 15_000;
    let words = 0;
    while ((await logged()) === 0) {
      if (Date.now() > deadline) throw new Error('No store of typing appended to the log in 15 s of typing.');
      client.editor.chain().setTextSelection(client.editor.state.doc.content.size - 1).insertContent(` w${words++}`).run();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const row = await storedRow(story.id);
    expect(toPlainText(row.body as Doc)).toBe('Dockworkers walked out.');
    // The server crashes (storing nothing more) and comes back; the editor's own copy is put away
    // too, so what is opened next comes from the stored state and its log alone.
    const typed = client.editor.getText();
    close([client]);
    await runningCollab()!.stop({ store: false });
    await startCollaboration();
    const reader = await connect(reporter, story.id, false);
    // What the log held is there (the words typed before its last store, at least the first).
    expect(reader.editor.getText()).toContain('Dockworkers walked out. w0');
    expect(typed.startsWith(reader.editor.getText())).toBe(true);
    await runningCollab()!.storeNow(story.id);
    expect(toPlainText((await storedRow(story.id)).body as Doc)).toBe(reader.editor.getText());
    expect(await logged()).toBe(0);
    close([reader]);
  });

  it('writes the row once typing pauses, without being asked', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText('Dockworkers walked out.') }));
    const client = await connect(reporter, story.id, false);
    // Typing for longer than the store's maximum wait, a word every 200 ms.
    for (const word of ['On', 'Monday', 'the', 'port', 'reopened', 'and', 'ships', 'docked', 'again', 'at', 'dawn', 'today']) {
      client.editor.chain().setTextSelection(client.editor.state.doc.content.size - 1).insertContent(` ${word}`).run();
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const typed = client.editor.getText();
    await until(async () => toPlainText((await storedRow(story.id)).body as Doc) === typed, 'the row to hold what was typed');
    close([client]);
  });
  it('sets off no row write with its own: typing after one goes to the log until the pause', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    // About 3,000 words: a row write takes long enough for more typing to come in meanwhile.
    const long = ['Dockworkers walked out.', ...Array.from({ length: 150 }, (_, i) => `Paragraph ${i} of the strike report, with enough words to weigh what a real one does.`)];
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port strike', body: docFromPlainText(long.join('\n\n')) }));
    const client = await connect(reporter, story.id, false);
    // Every row write is announced (the story-doc trigger), as every instance holding the document hears it.
    const listener = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await listener.connect();
    const announced: number[] = [];
    listener.on('notification', ({ payload }) => payload === `story-doc:${story.id}` && announced.push(Date.now()));
    await listener.query('LISTEN masthead_cache');
    try {
      // Typing a word every 25 ms, for three seconds; meanwhile a row write is asked for (as a
      // workflow step asks). Each row write would find new words to write, so one that set off the
      // next would be announced again and again.
      let words = 0;
      const typing = setInterval(() => client.editor.chain().setTextSelection(client.editor.state.doc.content.size - 1).insertContent(` w${words++}`).run(), 25);
      const stopped = new Promise((resolve) => setTimeout(resolve, 3_000)).then(() => clearInterval(typing));
      await new Promise((resolve) => setTimeout(resolve, 200));
      await runningCollab()!.storeNow(story.id);
      await stopped;
      const typed = client.editor.getText();
      await until(async () => toPlainText((await storedRow(story.id)).body as Doc) === typed, 'the row to hold what was typed, at the pause');
      await until(() => announced.length >= 2, 'the pause’s row write to be announced');
      // The asked row write, and the one at the pause: nothing in between.
      expect(announced).toHaveLength(2);
      expect(words).toBeGreaterThan(60);
      expect(await db.storyDocUpdate.count({ where: { storyId: story.id } })).toBe(0);
    } finally {
      await listener.end();
      close([client]);
    }
  });
});

describe('a restore, written together', () => {
  it('reaches everyone as one change that anyone in the story can undo, keeping what was typed since', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const editor = await makeUser('EDITOR');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Port reopens', body: docFromPlainText('The port reopened.\nShips queued.') }));
    const created = await db.revision.findFirstOrThrow({ where: { storyId: story.id }, select: { id: true } });
    const [mine, theirs] = [await connect(reporter, story.id, false), await connect(editor, story.id, true)];
    const heard = theirs.heard;
    const texts = (client: Client) => ((client.editor.getJSON() as JSONContent).content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join(''));

    // The reporter rewrites the first paragraph and the headline; stored.
    mine.editor.chain().setTextSelection({ from: 10, to: 18 }).insertContent('stayed shut').run();
    setText(mine.ydoc.getText('headline'), 'Port stays shut');
    await until(() => texts(theirs)[0] === 'The port stayed shut.', 'the rewrite to arrive');
    await until(async () => (await runningCollab()!.storeNow(story.id), (await storedRow(story.id)).headline === 'Port stays shut'), 'the rewrite to be stored');

    // The editor restores the first version from History (outside the document).
    await restoreRevision(editor, story.id, created.id, (await storedRow(story.id)).version);
    for (const client of [mine, theirs]) await until(() => texts(client)[0] === 'The port reopened.' && fieldsOfDoc(client.ydoc).headline === 'Port reopens', `${client.viewer.name}'s editor to show the restore`);
    await until(() => heard.some((m) => (m.restored as { by?: string } | undefined)?.by === editor.name), 'the restore to be announced');

    // Typing goes on in the other paragraph; then the reporter undoes the restore.
    theirs.editor.chain().setTextSelection(theirs.editor.state.doc.content.size - 1).insertContent(' Typed after.').run();
    await until(() => texts(mine)[1] === 'Ships queued. Typed after.', 'the typing to arrive');
    mine.provider.sendStateless(JSON.stringify({ undoRestore: true }));
    const undone = ['The port stayed shut.', 'Ships queued. Typed after.'];
    for (const client of [mine, theirs]) await until(() => JSON.stringify(texts(client)) === JSON.stringify(undone) && fieldsOfDoc(client.ydoc).headline === 'Port stays shut', `${client.viewer.name}'s editor to show the undo`);
    await until(() => heard.some((m) => (m.restoreUndone as { by?: string } | undefined)?.by === reporter.name), 'the undo to be announced');
    await until(async () => (await storedRow(story.id)).headline === 'Port stays shut', 'the undo to be stored');
    expect(toPlainText((await storedRow(story.id)).body as Doc)).toBe(undone.join('\n\n'));

    // Once undone there is nothing more to undo: the asker is told so, and nothing changes.
    heard.length = 0;
    theirs.provider.sendStateless(JSON.stringify({ undoRestore: true }));
    await until(() => heard.some((m) => 'restoreUndone' in m && m.restoreUndone === null), 'the answer that nothing is left to undo');
    expect(texts(theirs)).toEqual(undone);
    close([mine, theirs]);
  });

  it('made while nobody had the story open, comes in when it is next opened, still undoable', { timeout: 60_000 }, async () => {
    const reporter = await makeUser('REPORTER');
    const story = await createStory(reporter, storyFields([reporter.id], { headline: 'Ferry fares', body: docFromPlainText('Fares rise in May.') }));
    const created = await db.revision.findFirstOrThrow({ where: { storyId: story.id }, select: { id: true } });
    const first = await connect(reporter, story.id, false);
    first.editor.chain().setTextSelection(first.editor.state.doc.content.size - 1).insertContent(' By ten percent.').run();
    await until(async () => (await runningCollab()!.storeNow(story.id), toPlainText((await storedRow(story.id)).body as Doc) === 'Fares rise in May. By ten percent.'), 'the edit to be stored');
    close([first]);
    // Everyone has left: the document is stored and leaves the server's memory.
    await until(() => runningCollab()!.documentCount() === 0, 'the document to close');
    await restoreRevision(reporter, story.id, created.id, (await storedRow(story.id)).version);

    const again = await connect(reporter, story.id, false);
    // Heard from the moment it connected: the restore is announced once this first person is in.
    const heard = again.heard;
    await until(() => again.editor.getText() === 'Fares rise in May.', 'the restore to come in');
    await until(() => heard.some((m) => (m.restored as { by?: string } | undefined)?.by === reporter.name), 'the restore to be announced to the opener');
    again.provider.sendStateless(JSON.stringify({ undoRestore: true }));
    await until(() => again.editor.getText() === 'Fares rise in May. By ten percent.', 'the undo');
    close([again]);
  });
});
