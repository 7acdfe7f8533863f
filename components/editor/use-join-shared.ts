'use client';

import type { Editor, JSONContent } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { updateYFragment } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { BODY_FIELD } from '@/lib/collab/body-field';
import { sameBody } from '@/lib/editor/canonical';
import type { SaveState, StoryDraft } from './types';
import { holdKeys, typeHeld } from './held-keys';
import { docHolds, writeSharedFields } from './use-shared-fields';
import type { SharedDoc } from './use-shared-doc';

// A new story is written alone on its first page until its first save makes it a story; then its
// shared document connects in the background, and the editor joins it when the two hold the same
// text (everything typed is saved and nobody else has written since) and typing has paused.
// Nothing typed is lost at the change: from the check until the joined editor is drawn (a few
// milliseconds, while neither editor takes keys) the keys pressed and text pasted are held and
// typed into it after, with the caret where it was.

/** How long typing must have paused before the editor changes over. */
const PAUSE_MS = 1_500;
const CHECK_MS = 400;

type Options = {
  joinable: SharedDoc | null;
  editor: RefObject<Editor | null>;
  saveState: SaveState;
  draft: () => StoryDraft;
  /** The change-over has begun: the save loop leaves the body and text fields to the document from now. */
  onJoin: () => void;
};

export function useJoinShared({ joinable, editor: editorRef, saveState, draft, onJoin }: Options) {
  const [joined, setJoined] = useState<SharedDoc | null>(null);
  // The editor as it was before the change, with when it was last typed in and whether it had focus.
  const alone = useRef<{ state: EditorState | null; typedAt: number; focused: boolean; held: ReturnType<typeof holdKeys> | null }>({ state: null, typedAt: 0, focused: false, held: null });
  const saved = useRef(false);
  useEffect(() => {
    saved.current = saveState.kind === 'saved';
  }, [saveState]);

  useEffect(() => {
    if (!joinable || joined) return;
    const timer = setInterval(() => {
      const editor = editorRef.current;
      if (!editor || editor.isDestroyed || !saved.current || Date.now() - alone.current.typedAt < PAUSE_MS || editor.view.composing) return;
      if (!docHolds(joinable.ydoc, editor.schema, { ...draft(), body: editor.getJSON() })) return;
      alone.current.focused = editor.view.hasFocus();
      alone.current.held = holdKeys({ keys: alone.current.focused });
      onJoin();
      setJoined(joinable);
    }, CHECK_MS);
    return () => clearInterval(timer);
  }, [joinable, joined, editorRef, draft, onJoin]);

  /** Called on every transaction of the editor while it is alone. */
  const noteAlone = useCallback((state: EditorState, typed: boolean) => {
    alone.current.state = state;
    if (typed) alone.current.typedAt = Date.now();
  }, []);

  /** Called once the joined document is drawn in the new editor: what was typed since the check joins it. */
  const carryOver = useCallback((shared: Editor, fields: Partial<StoryDraft>) => {
    const { state: before, held, focused } = alone.current;
    if (!joined || (!before && !held)) return;
    const ydoc = joined.ydoc;
    if (before && !sameBody(before.doc.toJSON() as JSONContent, shared.getJSON())) {
      ydoc.transact(() => updateYFragment(ydoc, ydoc.getXmlFragment(BODY_FIELD), before.doc, { mapping: new Map(), isOMark: new Map() }));
    }
    writeSharedFields(ydoc, fields);
    if (before) {
      const size = shared.state.doc.content.size;
      const { from, to } = before.selection;
      shared.commands.setTextSelection({ from: Math.min(from, size), to: Math.min(to, size) });
    }
    alone.current.state = null;
    alone.current.held = null;
    // After this render's effects have made the editor editable: keys held until then go in, and
    // the caret comes back.
    setTimeout(() => {
      held?.release();
      if (shared.isDestroyed) return;
      if (held) typeHeld(shared, held.keys);
      if (focused) shared.view.focus();
    }, 0);
  }, [joined]);
  // Leaving before the joined editor is drawn lets go of the keys.
  useEffect(() => {
    const current = alone.current;
    return () => current.held?.release();
  }, []);

  return { joined, noteAlone, carryOver };
}
