'use client';

import type { Editor, JSONContent } from '@tiptap/core';
import { useCallback, useEffect, useRef } from 'react';

// The body is read into the draft this long after typing pauses, and at least this often while it goes on.
const BODY_SYNC_MS = 300;
const BODY_SYNC_MAX_MS = 1000;

/**
 * The body as the editor holds it, read into the draft when typing pauses (at most a second late
 * while typing goes on) or when something needs it now (`syncBody`). A key press only calls
 * `bodyChanged`: reading a long document on every key is what made typing slow.
 */
export function useBodySync(editor: Editor | null, patch: (fields: { body: JSONContent }) => void) {
  const timer = useRef<{ idle?: ReturnType<typeof setTimeout>; since?: number }>({});
  const syncBody = useCallback(() => {
    const current = timer.current;
    if (current.since === undefined) return;
    clearTimeout(current.idle);
    timer.current = {};
    if (editor && !editor.isDestroyed) patch({ body: editor.getJSON() });
  }, [editor, patch]);
  const bodyChanged = () => {
    const current = timer.current;
    current.since ??= Date.now();
    clearTimeout(current.idle);
    current.idle = setTimeout(syncBody, Math.max(0, Math.min(BODY_SYNC_MS, current.since + BODY_SYNC_MAX_MS - Date.now())));
  };
  useEffect(() => () => clearTimeout(timer.current.idle), []);
  return { syncBody, bodyChanged };
}
