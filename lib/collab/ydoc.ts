import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { storyExtensions } from '@/lib/editor/extensions';
import { sameBody } from '@/lib/editor/canonical';
import { withSettledMarks } from '@/lib/editor/mark-conflicts';
import type { Doc } from '@/lib/editor/schema';
import { BODY_FIELD, TEXT_FIELDS, type TextFields } from './body-field';
import { fieldsOfDoc, setText } from './text-edit';

export { fieldsOfDoc };

// A story's shared content as a Yjs document and back. The editor's Collaboration extension binds
// the fragment named BODY_FIELD and its text fields bind a Y.Text each (TEXT_FIELDS); the server
// reads them to write the Story row and writes into them when the row changes from outside the editor.

/** What the shared document holds of a story. */
export type DocContent = { body: Doc; fields: TextFields };


let schema: ReturnType<typeof getSchema> | undefined;
const storySchema = () => (schema ??= getSchema(storyExtensions()));

/** The body as ProseMirror JSON (the shape Story.body stores). */
export function bodyOfDoc(doc: Y.Doc): Doc {
  return withSettledMarks(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), storySchema())).toJSON() as Doc;
}


export const contentOfDoc = (doc: Y.Doc): DocContent => ({ body: bodyOfDoc(doc), fields: fieldsOfDoc(doc) });

/**
 * True when the document's body is the stored one. The stored body is read through the schema
 * first, as the document would give it back: a body saved from outside may leave out attributes
 * that have defaults (a link's `target`), which the document spells out.
 */
export function sameAsStored(body: Doc, stored: Doc): boolean {
  try {
    return sameBody(body, withSettledMarks(storySchema().nodeFromJSON(stored)).toJSON() as Doc);
  } catch {
    return false; // a stored body the schema cannot read is replaced by the document's
  }
}

/** A new document holding `content`: made once per story, on the server, never in a browser. */
export function docFromContent(content: DocContent): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(storySchema(), content.body, doc.getXmlFragment(BODY_FIELD));
  for (const field of TEXT_FIELDS) doc.getText(field).insert(0, content.fields[field]);
  return doc;
}

/**
 * The edit that takes the document as it was at `baseState` to `content` (a body, and text fields
 * where given), as a Yjs update. Applied to
 * a document that has moved on since `baseState`, it merges with what was typed meanwhile instead
 * of overwriting it: a forward edit, like anyone else's.
 */
export function forwardEdit(baseState: Uint8Array, content: { body: Doc; fields?: Partial<TextFields> }): Uint8Array | null {
  const base = new Y.Doc();
  Y.applyUpdate(base, baseState);
  const before = Y.encodeStateVector(base);
  const node = storySchema().nodeFromJSON(content.body);
  base.transact(() => {
    updateYFragment(base, base.getXmlFragment(BODY_FIELD), node, { mapping: new Map(), isOMark: new Map() });
    for (const field of TEXT_FIELDS) {
      const value = content.fields?.[field];
      if (value !== undefined) setText(base.getText(field), value);
    }
  });
  const update = Y.encodeStateAsUpdate(base, before);
  base.destroy();
  // An update with no structs and no deletions is two zero bytes.
  return update.length > 2 ? update : null;
}

/** The state vector holding `vector` and every struct of `updates`: what is known stored after a store that merged them. */
export function widestVector(vector: Uint8Array, updates: (Uint8Array | null)[]): Uint8Array {
  const widest = Y.decodeStateVector(vector);
  for (const update of updates) {
    if (!update) continue;
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVectorFromUpdate(update))) widest.set(client, Math.max(clock, widest.get(client) ?? 0));
  }
  return Y.encodeStateVector(widest);
}
