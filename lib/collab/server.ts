import 'server-only';
import type { IncomingMessage } from 'node:http';
import { Hocuspocus, type Document, type onStoreDocumentPayload } from '@hocuspocus/server';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { onInvalidation } from '@/lib/cache/tagged-cache';
import { claimDocClient, docAccessFor, docClients, openStoryDoc, storeStoryDoc, type RestoreNote } from '@/lib/data/story-docs';
import { log } from '@/lib/log';
import { recheck, type Context } from './recheck';
import { sessionOfUpgrade } from './session';
import { docName, storyOfDoc } from './names';
import { runningCollab, setRunningCollab } from './registry';
import { noteTyped, stored, wantRow, writesRow } from './row-pace';
import { SuggestionAuthors } from './suggestion-authors';
import { bodyOfDoc, forwardEdit, widestVector } from './ydoc';
import { heldNow, storedNote } from './stored-note';
import type { LogMark } from '@/lib/data/story-doc-log';
import { BODY_FIELD, TEXT_FIELDS } from './body-field';

// Writing together: the Hocuspocus server inside Masthead's own process. scripts/server.ts hands
// it the WebSocket upgrades for COLLAB_PATH on the same port as the pages; everything else (who
// may connect, loading, storing) goes through the data layer like any other request.

/** Hocuspocus 3.x: 4.x needs Node 22, and the newsroom runs on Node 20. */
const STORE_DEBOUNCE_MS = 1_000;
const STORE_MAX_WAIT_MS = 2_000;
/** How often open connections are checked against their session and rights. */
const RECHECK_MS = 2_000;
/** A store that failed (the database away) is tried again; the document stays in memory meanwhile. */
const RETRY_MS = 2_000;


// Who changed each open document since the Story row was last written from it, in the order they first did.
const editorsSince = new WeakMap<Document, string[]>();
// How far this process has read each open document's stored copy, and what of it it knows is
// stored (a state vector): a store of typing appends what the document gained since (story-doc-log.ts).
const storedOf = new WeakMap<Document, { mark: LogMark; vector: Uint8Array }>();
// Who suggested what in each open document (suggestion-authors.ts).
const authorsOf = new WeakMap<Document, SuggestionAuthors>();
// Servers stopped as if they had crashed: they store nothing more.
const stopped = new WeakSet<Hocuspocus>();
// Each open document's last restore, kept as one change that anyone in the story can undo, and
// who made it (told to everyone who is or comes into the story while it can be undone).
const restoresOf = new WeakMap<Document, Y.UndoManager>();
const restoreNotes = new WeakMap<Document, RestoreNote>();
/** The origin of a restore applied to an open document (the undo manager tracks only it). */
const RESTORE = Symbol('restore');
// Documents opened with a restore still to take in.
const pendingRestores = new WeakSet<Document>();

function noteEditor(document: Document, viewerId: string) {
  const editors = editorsSince.get(document) ?? [];
  if (!editors.includes(viewerId)) editors.push(viewerId);
  editorsSince.set(document, editors);
}

async function store(document: Document, server: Hocuspocus): Promise<void> {
  const storyId = storyOfDoc(document.name);
  if (!storyId || stopped.has(server)) return;
  // While people type, the document alone; the Story row at a pause (row-pace.ts).
  const row = writesRow(document, STORE_DEBOUNCE_MS);
  const editors = editorsSince.get(document) ?? [];
  if (row) editorsSince.delete(document);
  stampSuggestions(document);
  // What this store holds, and (typing) only what the document gained since what is known stored.
  const vector = Y.encodeStateVector(document);
  const held = row ? heldNow(document) : null;
  const known = storedOf.get(document);
  const typed = !row && known ? { delta: Y.encodeStateAsUpdate(document, known.vector), mark: known.mark } : undefined;
  const state = row ? Y.encodeStateAsUpdate(document) : () => Y.encodeStateAsUpdate(document);
  try {
    const { elsewhere, outside, restore, mark } = await storeStoryDoc(storyId, state, editors, { row, typed });
    storedOf.set(document, { mark, vector: widestVector(vector, [elsewhere, outside]) });
    stored(document, row);
    // Typing that stops now leaves no change to set off another store: this one writes the row after the pause.
    if (!row) void storeSoon(document, 'later').catch(() => {});
    // What another instance stored, then what was written from outside since the last store,
    // reach everyone as forward edits. A restore is one change, kept to be undone.
    if (elsewhere) Y.applyUpdate(document, elsewhere, 'elsewhere');
    if (outside && restore) {
      const restores = restoresOf.get(document);
      restores?.clear();
      Y.applyUpdate(document, outside, RESTORE);
      restoreNotes.set(document, restore);
      document.broadcastStateless(JSON.stringify({ restored: restore }));
    } else if (outside) Y.applyUpdate(document, outside, 'outside');
    // Each browser learns which of its own edits are now in Story.body (its save status "Saved",
    // as the save loop means it): told after a row write, not after a store of the document alone.
    if (!held) return;
    document.broadcastStateless(storedNote(held, new Date()));
  } catch (error) {
    if (row) for (const id of editors) noteEditor(document, id);
    log.error({ err: error, storyId }, 'storing a shared document failed; trying again');
    setTimeout(() => {
      if (instance === server) void storeSoon(document, 'row').catch(() => {});
    }, RETRY_MS).unref();
    throw error;
  }
}

/** Puts the server's authors back on suggestions a browser stamped otherwise, as an edit everyone receives. */
function stampSuggestions(document: Document): void {
  const authors = authorsOf.get(document);
  if (!authors?.needsStamping) return;
  const stamped = authors.stamp(bodyOfDoc(document));
  const edit = stamped && forwardEdit(Y.encodeStateAsUpdate(document), { body: stamped });
  if (edit) Y.applyUpdate(document, edit, 'stamp');
}

/** Each connection's awareness names the Yjs client id its editor writes with: that id is its person's. */
// Kept with the document at once, so that after a restart the edits another browser hands back
// (the server lost them) are still their writer's.
function watchClientIds(document: Document, storyId: string, authors: SuggestionAuthors): void {
  document.awareness.on('update', ({ added, updated }: { added: number[]; updated: number[] }, origin: unknown) => {
    const connection = document.getConnections().find((c) => c.webSocket === origin);
    const viewer = (connection?.context as Partial<Context> | undefined)?.viewer;
    if (!viewer) return;
    for (const clientId of [...added, ...updated]) {
      if (authors.claimClient(clientId, viewer.name)) void claimDocClient(storyId, clientId, viewer.name).catch((error: unknown) => log.error({ err: error, storyId }, 'keeping whose a client id is failed'));
    }
  });
}

function hookPayload(document: Document): onStoreDocumentPayload {
  return { clientsCount: document.getConnectionsCount(), context: {}, document, documentName: document.name, instance: hocuspocus(), requestHeaders: {}, requestParameters: new URLSearchParams(), socketId: '' };
}

/**
 * Stores the document: `row`, now and with its Story row; `read`, now, to take in what was written
 * to the row (writing the row only as any store would: at a pause, or when it is ten seconds
 * behind); `later`, after the usual pause.
 */
function storeSoon(document: Document, when: 'row' | 'read' | 'later'): Promise<void> {
  if (when === 'row') wantRow(document);
  // Asked from inside a store too: a server stopped meanwhile fails this promise, not that store.
  return Promise.resolve()
    .then(() => hocuspocus().storeDocumentHooks(document, hookPayload(document), when !== 'later'))
    .then(() => undefined);
}

function create(): Hocuspocus {
  const server: Hocuspocus = new Hocuspocus({
    name: 'masthead',
    quiet: true,
    debounce: STORE_DEBOUNCE_MS,
    maxDebounce: STORE_MAX_WAIT_MS,
    // A document leaves memory when its last person leaves, stored first.
    unloadImmediately: true,
    async onAuthenticate({ request, documentName, connectionConfig }) {
      try {
        const storyId = storyOfDoc(documentName);
        const session = await sessionOfUpgrade(request.headers);
        if (!storyId || !session) throw new Error('Not signed in.');
        const access = await docAccessFor(session.viewer, storyId);
        connectionConfig.readOnly = access === 'read';
        return { viewer: session.viewer, sessionId: session.sessionId, access, storyId } satisfies Context;
      } catch (error) {
        log.info({ err: error, documentName }, 'a connection to a shared document was refused');
        throw error;
      }
    },
    async onLoadDocument({ document, documentName }) {
      const storyId = storyOfDoc(documentName)!;
      try {
        const { state, restorePending, mark } = await openStoryDoc(storyId);
        Y.applyUpdate(document, state, 'load');
        storedOf.set(document, { mark, vector: Y.encodeStateVector(document) });
        restoresOf.set(document, new Y.UndoManager([document.getXmlFragment(BODY_FIELD), ...TEXT_FIELDS.map((field) => document.getText(field))], { trackedOrigins: new Set([RESTORE]), captureTimeout: 0 }));
        // A restore made while the document was closed comes in once its first person is connected.
        if (restorePending) pendingRestores.add(document);
        const authors = new SuggestionAuthors(bodyOfDoc(document), await docClients(storyId));
        authorsOf.set(document, authors);
        watchClientIds(document, storyId, authors);
      } catch (error) {
        log.error({ err: error, storyId }, 'opening a shared document failed');
        throw error;
      }
      return document;
    },
    async onChange({ document, context, transactionOrigin, update }) {
      const viewer = (context as Partial<Context>).viewer;
      if (!viewer || !transactionOrigin) return;
      noteTyped(document);
      noteEditor(document, viewer.id);
      authorsOf.get(document)?.noteUpdate(update, viewer.name);
    },
    async connected({ connection, documentName }) {
      const document = server.documents.get(documentName);
      if (!document) return;
      // A restore made while the document was closed comes in now, announced to this first
      // connection with everyone's; a restore still undoable is told to whoever comes in.
      if (pendingRestores.delete(document)) return void storeSoon(document, 'row').catch(() => {});
      const note = restoresOf.get(document)?.canUndo() ? restoreNotes.get(document) : undefined;
      if (note) connection.sendStateless(JSON.stringify({ restored: note }));
    },
    // A person in the story undoes the last restore: for everyone, as one change of theirs.
    async onStateless({ connection, document, payload }) {
      const context = connection.context as Partial<Context>;
      if (!context.viewer || connection.readOnly || context.access !== 'write') return;
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if ((message as { undoRestore?: unknown } | null)?.undoRestore !== true) return;
      const restores = restoresOf.get(document);
      if (!restores?.canUndo()) return connection.sendStateless(JSON.stringify({ restoreUndone: null }));
      restores.undo();
      restores.clear();
      restoreNotes.delete(document);
      noteEditor(document, context.viewer.id);
      document.broadcastStateless(JSON.stringify({ restoreUndone: { by: context.viewer.name } }));
      void storeSoon(document, 'row').catch(() => {});
    },
    onStoreDocument: async ({ document }) => store(document, server),
  });
  return server;
}

let instance: Hocuspocus | undefined;

function hocuspocus(): Hocuspocus {
  if (!instance) throw new Error('Writing together is not running in this process.');
  return instance;
}

/** The page's origin is the only one allowed to open a socket with the newsroom's cookie. */
function sameOrigin(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  const host = req.headers['x-forwarded-host'] ?? req.headers.host;
  return !!origin && URL.canParse(origin) && new URL(origin).host === host;
}

let recheckTimer: ReturnType<typeof setInterval> | undefined;
let listening = false;

/** Starts writing together in this process (instrumentation.ts); scripts/server.ts routes upgrades to it. */
export async function startCollaboration(): Promise<void> {
  if (runningCollab()) return;
  const server = (instance = create());
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 8 * 1024 * 1024 });
  setRunningCollab({
    documentCount: () => server.documents.size,
    upgrade(req, socket, head) {
      if (!sameOrigin(req)) {
        socket.end('HTTP/1.1 403 Forbidden\r\ncontent-type: text/plain\r\n\r\nCross-site connections are not accepted.\n');
        return;
      }
      sockets.handleUpgrade(req, socket, head, (ws) => server.handleConnection(ws, req));
    },
    async storeNow(storyId) {
      const document = server.documents.get(docName(storyId));
      if (document) await storeSoon(document, 'row');
    },
    async stop({ store: storeFirst }) {
      setRunningCollab(undefined);
      clearInterval(recheckTimer);
      // A graceful stop stores every open document first; without it, as after a crash, the
      // browsers still hold every edit and send it again when they reconnect.
      if (storeFirst) await Promise.all([...server.documents.values()].map((document) => storeSoon(document, 'row').catch(() => {})));
      else stopped.add(server);
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      if (instance === server) instance = undefined;
    },
  });
  let checking = false;
  recheckTimer = setInterval(() => {
    if (checking || !instance) return;
    checking = true;
    void recheck(instance.documents.values()).finally(() => (checking = false));
  }, RECHECK_MS);
  recheckTimer.unref();
  if (listening) return;
  listening = true;
  // A body or text field written from outside (restore, wire update, a save without the document)
  // comes into the open document at once: a store merges it (storeStoryDoc) and sends it to everyone.
  // The trigger also announces each row write made from a document, this instance's own and
  // another's: the store it sets off reads, and leaves the row to its usual pace. (One that wrote
  // the row would be announced in turn: a row write after every other, for as long as anyone typed.)
  await onInvalidation((dropped, missed) => {
    if (!instance) return;
    for (const document of instance.documents.values()) {
      const storyId = storyOfDoc(document.name);
      if (storyId && (missed || dropped.includes(`story-doc:${storyId}`))) void storeSoon(document, 'read').catch(() => {});
    }
  });
}
