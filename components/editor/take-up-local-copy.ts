'use client';

import type { Editor, JSONContent } from '@tiptap/core';
import type { Schema } from '@tiptap/pm/model';
import { updateYFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { sameJson } from '@/lib/editor/canonical';
import { clearLocalCopy, readLocalCopy, type LocalCopy } from './local-copy';
import { draftOf, type ServerStory, type StoryDraft } from './types';
import { docHolds, writeSharedFields } from './use-shared-fields';

// Work that never reached the server (offline, crash, closed tab) comes back when the story's
// editor is made. Text this browser kept from editing alone (a new story before its first reload, or saves that
// failed before the story was written together) meets the story's shared document. It joins the
// document only where nobody has written since the copy's version; otherwise it is offered to copy,
// never laid over someone else's words.

/** True when the copy can be written into the shared document as this person's edit. */
function joinsShared(local: LocalCopy, story: ServerStory, ydoc: Y.Doc, schema: Schema): boolean {
  if (local.baseVersion !== story.version) return false;
  return docHolds(ydoc, schema, { ...story, body: story.body as JSONContent });
}

/** Writes the draft's body and text fields into the shared document as one edit of this browser's, sent to everyone. */
function writeShared(ydoc: Y.Doc, schema: Schema, draft: StoryDraft): void {
  const fragment = ydoc.getXmlFragment(BODY_FIELD);
  ydoc.transact(() => {
    updateYFragment(ydoc, fragment, schema.nodeFromJSON(draft.body), { mapping: new Map(), isOMark: new Map() });
    writeSharedFields(ydoc, draft);
  });
}

type Host = {
  story: ServerStory | null;
  ydoc: Y.Doc | null;
  editable: boolean;
  replace: (draft: StoryDraft) => void;
  /** Offers the text to copy or send; `movedOn`: others wrote in the story since. */
  strand: (draft: StoryDraft, movedOn: boolean) => void;
  markDirty: () => void;
  showConflict: (story: ServerStory) => void;
};

/** Takes up the copy this browser kept of the story (or of a new one), if there is one. */
export function takeUpLocalCopy(editor: Editor, host: Host): void {
  const { story, ydoc } = host;
  const local = readLocalCopy(story?.id ?? null);
  // A copy that is not a whole draft (another version of the editor wrote it) is not applied.
  if (!local || typeof local.draft?.body !== 'object' || local.draft.body === null) return;
  if (story && sameJson(local.draft, draftOf(story))) return clearLocalCopy(story.id);
  // The story left this person's hands before the text was saved: offer it back, never apply it.
  if (!host.editable) return host.strand(local.draft, false);
  if (ydoc && story) {
    if (!joinsShared(local, story, ydoc, editor.schema)) return host.strand(local.draft, true);
    host.replace(local.draft);
    writeShared(ydoc, editor.schema, local.draft);
    return host.markDirty();
  }
  host.replace(local.draft);
  editor.commands.setContent(local.draft.body, { emitUpdate: false });
  if (story && local.baseVersion !== story.version) host.showConflict(story);
  else host.markDirty();
}
