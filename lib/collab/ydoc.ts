import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYXmlFragment, updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { storyExtensions } from '@/lib/editor/extensions';
import { withSettledMarks } from '@/lib/editor/mark-conflicts';
import type { Doc } from '@/lib/editor/schema';
import { BODY_FIELD } from './body-field';

// A story body as a Yjs document and back. The editor's Collaboration extension binds the
// fragment named BODY_FIELD; the server reads it to write Story.body and writes into it when the
// body changes from outside the editor.


let schema: ReturnType<typeof getSchema> | undefined;
const storySchema = () => (schema ??= getSchema(storyExtensions()));

/** The body as ProseMirror JSON (the shape Story.body stores). */
export function bodyOfDoc(doc: Y.Doc): Doc {
  return withSettledMarks(yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FIELD), storySchema())).toJSON() as Doc;
}

/** A new document holding `body`: made once per story, on the server, never in a browser. */
export function docFromBody(body: Doc): Y.Doc {
  const doc = new Y.Doc();
  prosemirrorJSONToYXmlFragment(storySchema(), body, doc.getXmlFragment(BODY_FIELD));
  return doc;
}

/**
 * The edit that takes the document as it was at `baseState` to `body`, as a Yjs update. Applied to
 * a document that has moved on since `baseState`, it merges with what was typed meanwhile instead
 * of overwriting it: a forward edit, like anyone else's.
 */
export function forwardEdit(baseState: Uint8Array, body: Doc): Uint8Array | null {
  const base = new Y.Doc();
  Y.applyUpdate(base, baseState);
  const before = Y.encodeStateVector(base);
  const node = storySchema().nodeFromJSON(body);
  updateYFragment(base, base.getXmlFragment(BODY_FIELD), node, { mapping: new Map(), isOMark: new Map() });
  const update = Y.encodeStateAsUpdate(base, before);
  base.destroy();
  // An update with no structs and no deletions is two zero bytes.
  return update.length > 2 ? update : null;
}
