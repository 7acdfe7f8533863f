'use client';

import { applySuggestion, applySuggestions, isSuggestChangesEnabled, revertSuggestion, revertSuggestions, toggleSuggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import type { Editor } from '@tiptap/react';
import { useMemo, useState } from 'react';
import type { Doc } from '@/lib/editor/schema';
import { openSuggestions } from '@/lib/editor/suggestion-text';

type Props = { editor: Editor | null; body: Doc; canSuggest: boolean; editable: boolean };

const KIND_WORDS = { insertion: 'Insert', deletion: 'Delete', modification: 'Change' } as const;
// The library's ids are numbers; ours come back from JSON as written.
const idOf = (id: string) => (/^\d+$/.test(id) ? Number(id) : id);

/**
 * Suggest edits (editors) and the open suggestions, each with Accept and Reject: the reporter, or
 * an editor, decides. A story with an open suggestion cannot be published.
 */
export function SuggestionsPanel({ editor, body, canSuggest, editable }: Props) {
  const [, rerender] = useState(0);
  const open = useMemo(() => openSuggestions(body), [body]);
  const suggesting = editor ? isSuggestChangesEnabled(editor.state) : false;
  if (!editor || (!canSuggest && open.length === 0)) return null;
  const view = editor.view;
  const run = (command: (state: typeof view.state, dispatch: typeof view.dispatch) => boolean) => {
    command(view.state, view.dispatch);
    editor.commands.focus();
    rerender((n) => n + 1);
  };
  return (
    <section className="panel suggestions" aria-labelledby="suggestions-heading">
      <h2 id="suggestions-heading">Suggestions</h2>
      {canSuggest && editable && (
        <button type="button" className={suggesting ? 'btn btn-small btn-primary' : 'btn btn-small'} aria-pressed={suggesting} onClick={() => run(toggleSuggestChanges)}>
          Suggest edits
        </button>
      )}
      <p className="muted" role="status">
        {suggesting ? 'Your edits are suggestions. ' : ''}
        {open.length === 0 ? 'No open suggestions.' : `${open.length} open ${open.length === 1 ? 'suggestion' : 'suggestions'}: a story with one cannot be published.`}
      </p>
      {open.length > 0 && (
        <>
          <ul className="suggestion-list">
            {open.map((s) => (
              <li key={`${s.kind}:${s.id}`} className={`suggestion-item suggestion-item-${s.kind}`} aria-label={`${KIND_WORDS[s.kind]} “${s.text}”`}>
                <span className="suggestion-kind">{KIND_WORDS[s.kind]}</span> <span className="suggestion-text">{s.text || '¶'}</span>
                {s.author && <span className="muted"> · {s.author}</span>}
                {editable && (
                  <span className="suggestion-actions">
                    <button type="button" className="btn btn-small" onClick={() => run(applySuggestion(idOf(s.id)))}>
                      Accept
                    </button>
                    <button type="button" className="btn btn-small btn-quiet" onClick={() => run(revertSuggestion(idOf(s.id)))}>
                      Reject
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {editable && (
            <p className="suggestion-all">
              <button type="button" className="btn btn-small" onClick={() => run(applySuggestions)}>
                Accept all
              </button>
              <button type="button" className="btn btn-small btn-quiet" onClick={() => run(revertSuggestions)}>
                Reject all
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
