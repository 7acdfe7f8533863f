import 'server-only';
import * as Y from 'yjs';
import { db } from '@/lib/db';
import { bodyOfDoc, docFromBody, forwardEdit } from '@/lib/collab/ydoc';
import { can } from '@/lib/permissions';
import type { Doc } from '@/lib/editor/schema';
import { recordRevision } from './revisions';
import { lockStory, loadStoryFor } from './story-access';
import { checkFields, columnsOf } from './story-fields';
import { loadSnapshot } from './story-snapshot';
import { refreshSearchVector } from './search';
import { assertCan, type Viewer } from './viewer';

// The shared document behind writing together (lib/collab/server.ts keeps the live copies). The
// stored Story.body stays the one source every other part of Masthead reads; this file writes it
// from the document, and takes whatever was written to it from outside back into the document.

export type DocAccess = 'write' | 'read';

/**
 * What `viewer` may do in the story's shared document: write where they may edit the story, read
 * where they may only see it; NotFoundError or ForbiddenError otherwise. A live story is changed
 * through its pending update, which is not a shared document: read-only here, so its editor saves
 * the usual way.
 */
export async function docAccessFor(viewer: Viewer | null, storyId: string): Promise<DocAccess> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.view');
  if (story.status === 'PUBLISHED') return 'read';
  return can(viewer, 'story.edit', story.ref) ? 'write' : 'read';
}

/** True when the story's body is written in a shared document (everything but a live story). */
export async function sharesBody(storyId: string): Promise<boolean> {
  const row = await db.story.findUnique({ where: { id: storyId }, select: { status: true } });
  return !!row && row.status !== 'PUBLISHED';
}

type Stored = { state: Uint8Array; bodyHash: string };

// The hash is PostgreSQL's, of jsonb's own canonical text: one spelling whoever wrote the body.
async function storedDoc(tx: Pick<typeof db, '$queryRaw'>, storyId: string): Promise<{ doc: Stored | null; body: unknown; bodyHash: string } | null> {
  // The state comes as base64: Prisma's raw queries cannot read bytea through the pg adapter.
  const rows = await tx.$queryRaw<{ body: unknown; bodyHash: string; state: string | null; docHash: string | null }[]>`
    SELECT s."body", md5(s."body"::text) AS "bodyHash", encode(d."state", 'base64') AS "state", d."bodyHash" AS "docHash"
    FROM "Story" s LEFT JOIN "StoryDoc" d ON d."storyId" = s."id" WHERE s."id" = ${storyId}`;
  const row = rows[0];
  if (!row) return null;
  return { doc: row.state && row.docHash ? { state: new Uint8Array(Buffer.from(row.state, 'base64')), bodyHash: row.docHash } : null, body: row.body, bodyHash: row.bodyHash };
}

/**
 * The document's state to open it with. Made from Story.body the first time, once for all
 * instances (the row is written under the story's lock, and a second opener reads the first's), so
 * that no body is ever seeded twice into one document. A body written from outside since the last
 * store comes in as a forward edit.
 */
export async function openStoryDoc(storyId: string): Promise<Uint8Array> {
  return db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const found = await storedDoc(tx, storyId);
    if (!found) throw new Error(`Story ${storyId} does not exist.`);
    if (found.doc && found.doc.bodyHash === found.bodyHash) return found.doc.state;
    let state: Uint8Array;
    if (found.doc) {
      const edit = forwardEdit(found.doc.state, found.body as Doc);
      state = edit ? Y.mergeUpdates([found.doc.state, edit]) : found.doc.state;
    } else {
      const doc = docFromBody(found.body as Doc);
      state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
    }
    await writeDocRow(tx, storyId, state);
    return state;
  });
}

async function writeDocRow(tx: Pick<typeof db, '$executeRaw'>, storyId: string, state: Uint8Array) {
  const bytes = Buffer.from(state);
  await tx.$executeRaw`
    INSERT INTO "StoryDoc" ("storyId", "state", "bodyHash", "updatedAt")
    SELECT ${storyId}, ${bytes}, md5("body"::text), now() FROM "Story" WHERE "id" = ${storyId}
    ON CONFLICT ("storyId") DO UPDATE SET "state" = EXCLUDED."state", "bodyHash" = EXCLUDED."bodyHash", "updatedAt" = now()`;
}

export type StoreResult = {
  /** An edit for the live document: what was written from outside since the last store. */
  incoming: Uint8Array | null;
  /** Whether Story.body changed. */
  wrote: boolean;
};

/**
 * Writes Story.body from the document (the server calls this debounced after changes, and at once
 * before a workflow step or when the last person leaves). Under the story's lock: a body written
 * from outside since the last store is merged first, so that nothing newer is overwritten; the
 * merge is returned for the live document. `editorIds` are the people whose edits this holds: the
 * automatic revision names them.
 */
export async function storeStoryDoc(storyId: string, state: Uint8Array, editorIds: string[]): Promise<StoreResult> {
  // What is stored of images and embeds is what their rows say (as for any save): checked before
  // the transaction, with the document as it is now.
  return db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const found = await storedDoc(tx, storyId);
    if (!found) return { incoming: null, wrote: false };
    let incoming: Uint8Array | null = null;
    // Merged with what is stored, never put in its place: two stores of one document can commit in
    // either order, and the older state must not undo the newer (CRDT states only ever add up).
    let merged = found.doc ? Y.mergeUpdates([found.doc.state, state]) : state;
    if (found.doc && found.doc.bodyHash !== found.bodyHash) {
      incoming = forwardEdit(found.doc.state, found.body as Doc);
      if (incoming) merged = Y.mergeUpdates([merged, incoming]);
    }
    const doc = new Y.Doc();
    Y.applyUpdate(doc, merged);
    const body = bodyOfDoc(doc);
    doc.destroy();
    let wrote = false;
    const status = (await tx.story.findUnique({ where: { id: storyId }, select: { status: true } }))?.status;
    if (status && status !== 'PUBLISHED' && JSON.stringify(body) !== JSON.stringify(found.body)) {
      const snapshot = await loadSnapshot(tx, storyId);
      const checked = await checkFields({ ...snapshot, body }).catch(() => null);
      // A body the schema refuses is not written (the document keeps it; the editor shows the
      // problem on its next metadata save); nothing in the shared editor can make one today.
      if (checked) {
        const { plainText, wordCount } = columnsOf({ ...snapshot, body: checked.body });
        const after = await tx.story.update({ where: { id: storyId }, data: { body: checked.body as object, plainText, wordCount, docSeq: { increment: 1 } }, select: { version: true } });
        await refreshSearchVector(tx, storyId);
        const authorId = editorIds[0];
        if (authorId) {
          await recordRevision(tx, { storyId, authorId, editorIds, kind: 'AUTOSAVE', storyVersion: after.version, snapshot: { ...snapshot, body: checked.body } });
        }
        wrote = true;
      }
    }
    await writeDocRow(tx, storyId, merged);
    return { incoming, wrote };
  });
}

/** Whether Story.body was written from outside since the document was last stored. */
export async function bodyChangedOutside(storyId: string): Promise<boolean> {
  const found = await storedDoc(db, storyId);
  return !!found?.doc && found.doc.bodyHash !== found.bodyHash;
}

/** The Yjs client ids that have written in the story's document, each with the person it writes for. */
export async function docClients(storyId: string): Promise<Map<number, string>> {
  const row = await db.storyDoc.findUnique({ where: { storyId }, select: { clients: true } });
  const clients = (row?.clients ?? {}) as Record<string, unknown>;
  return new Map(Object.entries(clients).flatMap(([id, name]) => (typeof name === 'string' && /^\d+$/.test(id) ? [[Number(id), name] as const] : [])));
}

/** Records whose a client id is, once: a later claim of the same id by anyone changes nothing. */
export async function claimDocClient(storyId: string, clientId: number, name: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "StoryDoc" SET "clients" = jsonb_build_object(${String(clientId)}::text, ${name}::text) || "clients"
    WHERE "storyId" = ${storyId} AND NOT jsonb_exists("clients", ${String(clientId)}::text)`;
}
