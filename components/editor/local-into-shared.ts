'use client';

import type { JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { sameBody } from '@/lib/editor/canonical';
import type { LocalCopy } from './local-copy';
import type { ServerStory } from './types';

// Text this browser kept from editing alone (a new story before its first reload, or saves that
// failed before the story was written together) meets the story's shared document. It joins the
// document only where nobody has written since the copy's version; otherwise it is offered to copy,
// never laid over someone else's words.

/** True when the copy can be written into the shared document as this person's edit. */
export function joinsShared(local: LocalCopy, story: ServerStory, ydoc: Y.Doc, schema: Schema): boolean {
  if (local.baseVersion !== story.version) return false;
  const current = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FIELD), schema).toJSON() as JSONContent;
  return sameBody(current, story.body as JSONContent);
}

/** Writes `body` into the shared document as one edit of this browser's, sent to everyone. */
export function writeSharedBody(ydoc: Y.Doc, schema: Schema, body: JSONContent): void {
  const fragment = ydoc.getXmlFragment(BODY_FIELD);
  ydoc.transact(() => updateYFragment(ydoc, fragment, schema.nodeFromJSON(body), { mapping: new Map(), isOMark: new Map() }));
}
