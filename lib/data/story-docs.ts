import 'server-only';
import * as Y from 'yjs';
import { db } from '@/lib/db';
import { TEXT_FIELDS, type TextField, type TextFields } from '@/lib/collab/body-field';
import { contentOfDoc, docFromContent, forwardEdit, sameAsStored, type DocContent } from '@/lib/collab/ydoc';
import { Prisma } from '@/lib/generated/prisma/client';
import { can } from '@/lib/permissions';
import type { Doc } from '@/lib/editor/schema';
import { recordRevision } from './revisions';
import { appendLog, foldLog, readLog, type LogMark } from './story-doc-log';
import { lockStory, loadStoryFor } from './story-access';
import { checkFields, columnsOf } from './story-fields';
import { loadSnapshot } from './story-snapshot';
import { textFieldSchemas } from '@/lib/validations/story';
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

/** The stored document: its state with the log of typing folded in, the row hash it stands for, and how far that was read. */
type Stored = { state: Uint8Array; hash: string; mark: LogMark };
type Found = { doc: Stored | null; hash: string; restore: RestoreNote | null; body: Doc; fields: TextFields };
type Tx = Pick<typeof db, '$queryRaw' | '$executeRaw'>;

/** A restore of a revision, as the open document announces it to everyone in the story. */
export type RestoreNote = { by: string; at: string; from: string };

// The hash is PostgreSQL's, of jsonb's own canonical text: one spelling whoever wrote the row.
const sourceHash = (table: string) => Prisma.raw(`md5(jsonb_build_array(${['body', ...TEXT_FIELDS].map((column) => `${table}."${column}"`).join(', ')})::text)`);

/** The stored document (its state with the log folded in), and the row's body, text fields and hash. */
async function storedDoc(tx: Tx, storyId: string): Promise<Found | null> {
  // The state comes as base64: Prisma's raw queries cannot read bytea through the pg adapter.
  const rows = await tx.$queryRaw<(TextFields & { body: unknown; hash: string; state: string | null; docHash: string | null; folds: number | null; restore: RestoreNote | null })[]>`
    SELECT ${Prisma.raw(['body', ...TEXT_FIELDS].map((f) => `s."${f}", `).join(''))}${sourceHash('s')} AS "hash",
      encode(d."state", 'base64') AS "state", d."sourceHash" AS "docHash", d."folds", d."restore"
    FROM "Story" s LEFT JOIN "StoryDoc" d ON d."storyId" = s."id" WHERE s."id" = ${storyId}`;
  const row = rows[0];
  if (!row) return null;
  let doc: Stored | null = null;
  if (row.state && row.docHash) {
    const base = new Uint8Array(Buffer.from(row.state, 'base64'));
    const log = await readLog(tx, storyId, null);
    doc = { state: log.updates.length ? Y.mergeUpdates([base, ...log.updates]) : base, hash: row.docHash, mark: { folds: row.folds ?? 0, lastId: log.lastId } };
  }
  return { doc, hash: row.hash, restore: row.restore ?? null, body: row.body as Doc, fields: Object.fromEntries(TEXT_FIELDS.map((f) => [f, row[f]])) as TextFields };
}

/** A field as it would be stored, or null where it cannot be (an emptied headline). */
function checkedText(field: TextField, value: string): string | null {
  const parsed = textFieldSchemas[field].safeParse(value);
  return parsed.success ? parsed.data : null;
}

/**
 * The edit that brings what was written to the Story row from outside since the last store into
 * the document, or null when nothing was. Only the fields that were written: a field whose text in
 * the document cannot be stored as it is (a headline emptied to be retyped) is never laid over.
 */
function outsideEdit(found: Found): Uint8Array | null {
  if (!found.doc || found.doc.hash === found.hash) return null;
  const base = new Y.Doc();
  Y.applyUpdate(base, found.doc.state);
  const fields: Partial<TextFields> = {};
  for (const field of TEXT_FIELDS) {
    const ytext = base.getText(field);
    // Never written in the document (stored before text fields were shared): the row's value is seeded.
    const text = ytext._start === null ? '' : checkedText(field, ytext.toString());
    if (text !== null && text !== found.fields[field]) fields[field] = found.fields[field];
  }
  base.destroy();
  return forwardEdit(found.doc.state, { body: found.body, fields });
}

/**
 * The document's state to open it with. Made from the Story row the first time, once for all
 * instances (the row is written under the story's lock, and a second opener reads the first's), so
 * that no body is ever seeded twice into one document. What was written from outside since the
 * last store comes in as a forward edit; a restore waits for the first store (`restorePending`),
 * which applies it as one change that can be undone.
 */
export async function openStoryDoc(storyId: string): Promise<{ state: Uint8Array; restorePending: boolean; mark: LogMark }> {
  return db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const found = await storedDoc(tx, storyId);
    if (!found) throw new Error(`Story ${storyId} does not exist.`);
    if (found.doc && (found.doc.hash === found.hash || found.restore)) return { state: found.doc.state, restorePending: !!found.restore, mark: found.doc.mark };
    let state: Uint8Array;
    if (found.doc) {
      const edit = outsideEdit(found);
      state = edit ? Y.mergeUpdates([found.doc.state, edit]) : found.doc.state;
    } else {
      const doc = docFromContent({ body: found.body, fields: found.fields });
      state = Y.encodeStateAsUpdate(doc);
      doc.destroy();
    }
    const folds = await writeDocRow(tx, storyId, state);
    return { state, restorePending: false, mark: { folds, lastId: null } };
  });
}

/**
 * Writes the document's state whole (the log folded in: the state passed holds it) with the hash
 * of the row it now stands for: `rowHash` when the caller read it under the lock and left the
 * row's body and fields as they were. The fold's count.
 */
async function writeDocRow(tx: Tx, storyId: string, state: Uint8Array, rowHash?: string): Promise<number> {
  const bytes = Buffer.from(state);
  await tx.$executeRaw`
    INSERT INTO "StoryDoc" ("storyId", "state", "sourceHash", "updatedAt")
    SELECT ${storyId}, ${bytes}, ${rowHash ?? sourceHash('"Story"')}, now() FROM "Story" WHERE "id" = ${storyId}
    ON CONFLICT ("storyId") DO UPDATE SET "state" = EXCLUDED."state", "sourceHash" = EXCLUDED."sourceHash", "restore" = NULL, "updatedAt" = now()`;
  return foldLog(tx, storyId);
}

export type StoreResult = {
  /** What the stored document holds that the live one lacks (written through another instance). */
  elsewhere: Uint8Array | null;
  /** An edit for the live document: what was written to the row from outside since the last store. */
  outside: Uint8Array | null;
  /** When that was a restore: who made it, from which version. */
  restore: RestoreNote | null;
  /** Whether the Story row changed. */
  wrote: boolean;
  /** How far the caller has now read the stored document (for its next store of typing). */
  mark: LogMark;
};

/** What of the document differs from the row and can be stored: the body if it changed, and each changed text field that passes its check. */
function changesOf(content: DocContent, found: Found): { body: Doc | null; fields: Partial<TextFields> } {
  const fields: Partial<TextFields> = {};
  for (const field of TEXT_FIELDS) {
    const text = checkedText(field, content.fields[field]);
    if (text !== null && text !== found.fields[field]) fields[field] = text;
  }
  return { body: sameAsStored(content.body, found.body) ? null : content.body, fields };
}

/**
 * Stores the shared document (the server calls this debounced after changes, and at once before a
 * workflow step or when the last person leaves). Under the story's lock: what was written to the
 * row from outside since the last store is merged first, so that nothing newer is overwritten; the
 * merge is returned for the live document. `editorIds` are the people whose edits this holds: the
 * automatic revision names them.
 *
 * `row`: also write the Story row's body and text fields from the document, with a revision. While
 * people type the server stores the document alone (`row: false`): the edits are as safe, and the
 * work of a row write (reading the body from the document, checking it, counting its words, its
 * search vector, a revision), which grows with the story rather than with the change, waits for a
 * pause (lib/collab/row-pace.ts). Such a store given `typed` (what the document gained since the
 * caller's `mark`) appends only that (appendTyping); `live`, the document's whole state, may then
 * be a function, called only if the whole store is needed after all. The row's `docSeq` moves all
 * the same, so that a save made outside the document on top of the row as it was is refused,
 * never laid over what was typed.
 */
export async function storeStoryDoc(storyId: string, live: Uint8Array | (() => Uint8Array), editorIds: string[], { row = true, typed }: { row?: boolean; typed?: Typed } = {}): Promise<StoreResult> {
  return db.$transaction(async (tx) => {
    await lockStory(tx, storyId);
    const appended = !row && typed ? await appendTyping(tx, storyId, typed) : null;
    if (appended) return appended;
    // The live document's whole state, encoded only when a whole store needs it.
    const state = typeof live === 'function' ? live() : live;
    const found = await storedDoc(tx, storyId);
    if (!found) return { elsewhere: null, outside: null, restore: null, wrote: false, mark: { folds: 0, lastId: null } };
    // Merged with what is stored, never put in its place: two stores of one document can commit in
    // either order, and the older state must not undo the newer (CRDT states only ever add up).
    const edit = outsideEdit(found);
    const merged = Y.mergeUpdates([...(found.doc ? [found.doc.state] : []), state, ...(edit ? [edit] : [])]);
    const elsewhere = found.doc ? Y.diffUpdate(found.doc.state, Y.encodeStateVectorFromUpdate(state)) : null;
    let wrote = false;
    if (row) {
      const doc = new Y.Doc();
      Y.applyUpdate(doc, merged);
      const content = contentOfDoc(doc);
      doc.destroy();
      wrote = await writeStory(tx, storyId, changesOf(content, found), editorIds);
    } else {
      await tx.$executeRaw`UPDATE "Story" SET "docSeq" = "docSeq" + 1 WHERE "id" = ${storyId}`;
    }
    const folds = await writeDocRow(tx, storyId, merged, wrote ? undefined : found.hash);
    return { elsewhere, outside: edit, restore: edit ? found.restore : null, wrote, mark: { folds, lastId: null } };
  });
}

/** What a store of typing appends: the document's gain since `mark` (a Yjs update, with every deletion). */
export type Typed = { delta: Uint8Array; mark: LogMark };

/**
 * A store of typing whose caller has read the stored document up to now: nothing was written to
 * the row from outside, and nobody wrote the state whole since. Appends the gain, and returns what
 * other instances appended meanwhile (to merge into the live document). Null otherwise: the whole
 * store then merges everything, as at a pause.
 */
async function appendTyping(tx: Tx, storyId: string, typed: Typed): Promise<StoreResult | null> {
  const rows = await tx.$queryRaw<{ current: boolean; folds: number }[]>`
    SELECT d."sourceHash" = ${sourceHash('s')} AS "current", d."folds"
    FROM "Story" s JOIN "StoryDoc" d ON d."storyId" = s."id" WHERE s."id" = ${storyId}`;
  const found = rows[0];
  if (!found?.current || found.folds !== typed.mark.folds) return null;
  const others = await readLog(tx, storyId, typed.mark.lastId);
  const lastId = await appendLog(tx, storyId, typed.delta);
  await tx.$executeRaw`UPDATE "Story" SET "docSeq" = "docSeq" + 1 WHERE "id" = ${storyId}`;
  const elsewhere = others.updates.length > 0 ? Y.mergeUpdates(others.updates) : null;
  return { elsewhere, outside: null, restore: null, wrote: false, mark: { folds: found.folds, lastId } };
}

/** Writes what changed in the document to the Story row, with an automatic revision naming its editors. */
async function writeStory(tx: Prisma.TransactionClient, storyId: string, changes: ReturnType<typeof changesOf>, editorIds: string[]): Promise<boolean> {
  if (!changes.body && Object.keys(changes.fields).length === 0) return false;
  const status = (await tx.story.findUnique({ where: { id: storyId }, select: { status: true } }))?.status;
  if (!status || status === 'PUBLISHED') return false;
  const snapshot = await loadSnapshot(tx, storyId);
  // What is stored of images and embeds is what their rows say (as for any save).
  const checked = await checkFields({ ...snapshot, ...changes.fields, body: changes.body ?? snapshot.body }).catch(() => null);
  // A body the schema refuses is not written (the document keeps it; the editor shows the problem
  // on its next metadata save); nothing in the shared editor can make one today.
  if (!checked) return false;
  const derived = changes.body ? (({ plainText, wordCount }) => ({ body: checked.body as object, plainText, wordCount }))(columnsOf({ ...snapshot, body: checked.body })) : {};
  const after = await tx.story.update({ where: { id: storyId }, data: { ...derived, ...changes.fields, docSeq: { increment: 1 } }, select: { version: true } });
  const authorId = editorIds[0];
  if (authorId) {
    await recordRevision(tx, { storyId, authorId, editorIds, kind: 'AUTOSAVE', storyVersion: after.version, snapshot: { ...snapshot, ...changes.fields, body: checked.body } });
  }
  return true;
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
