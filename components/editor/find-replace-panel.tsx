'use client';

import type { Editor } from '@tiptap/react';
import { useEditorState } from '@tiptap/react';
import { useEffect, useRef, useState } from 'react';
import { findState } from '@/lib/editor/find-replace';

type Props = { editor: Editor; onClose: () => void };

/** The copy desk's find and replace, over the story body (headline and dek are fields of their own). */
export function FindReplacePanel({ editor, onClose }: Props) {
  const [term, setTerm] = useState(() => {
    const { from, to } = editor.state.selection;
    // A short selection on one line is what the person wants to find.
    const selected = editor.state.doc.textBetween(from, to, ' ');
    return selected.length > 0 && selected.length <= 100 && !selected.includes('\n') ? selected : '';
  });
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  const findRef = useRef<HTMLInputElement>(null);
  const found = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const s = findState(e.state);
      return { count: s?.matches.length ?? 0, index: s?.current ?? -1 };
    },
  });

  useEffect(() => {
    findRef.current?.focus();
    findRef.current?.select();
  }, []);
  useEffect(() => {
    editor.commands.setFindQuery({ term, matchCase, wholeWord });
  }, [editor, term, matchCase, wholeWord]);
  useEffect(() => () => void editor.commands.clearFind(), [editor]);
  // The current match, highlighted more strongly, is brought into view.
  useEffect(() => {
    editor.view.dom.querySelector('.find-match-current')?.scrollIntoView({ block: 'nearest' });
  }, [editor, found.index, found.count]);

  const close = () => {
    onClose();
    editor.commands.focus();
  };
  const status = !term ? 'Type what to find in the story body.' : found.count === 0 ? 'No matches in the story body.' : `Match ${found.index + 1} of ${found.count} in the story body.`;

  return (
    <section
      className="find-replace"
      aria-label="Find and replace"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          close();
        }
      }}
    >
      <div className="find-row">
        <label htmlFor="find-term">Find</label>
        <input
          id="find-term"
          ref={findRef}
          value={term}
          onChange={(e) => setTerm(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (e.shiftKey) editor.commands.findPrevious();
              else editor.commands.findNext();
            }
          }}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="button" className="btn btn-quiet" onClick={() => editor.commands.findPrevious()} disabled={found.count === 0}>
          Previous
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => editor.commands.findNext()} disabled={found.count === 0}>
          Next
        </button>
        <label className="check">
          <input type="checkbox" checked={matchCase} onChange={(e) => setMatchCase(e.target.checked)} /> Match case
        </label>
        <label className="check">
          <input type="checkbox" checked={wholeWord} onChange={(e) => setWholeWord(e.target.checked)} /> Whole word
        </label>
      </div>
      <div className="find-row">
        <label htmlFor="find-replacement">Replace with</label>
        <input id="find-replacement" value={replacement} onChange={(e) => setReplacement(e.target.value)} autoComplete="off" />
        <button type="button" className="btn btn-quiet" onClick={() => editor.commands.replaceCurrent(replacement)} disabled={found.index < 0}>
          Replace
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => editor.commands.replaceAll(replacement)} disabled={found.count === 0}>
          Replace all
        </button>
        <button type="button" className="btn btn-quiet" onClick={close}>
          Close
        </button>
      </div>
      <p className="muted find-status" role="status">
        {status}
      </p>
    </section>
  );
}
