'use client';

import { generateText, type JSONContent } from '@tiptap/core';
import { useMemo } from 'react';
import { storyExtensions } from '@/lib/editor/extensions';
import type { ServerStory, StoryDraft } from './types';

type Props = {
  mine: StoryDraft;
  theirs: ServerStory;
  onResolve: (choice: 'mine' | 'theirs' | 'copy-aside') => void;
};

function Version({ title, draft }: { title: string; draft: StoryDraft }) {
  const text = useMemo(() => generateText(draft.body as JSONContent, storyExtensions(), { blockSeparator: '\n\n' }), [draft.body]);
  return (
    <section className="conflict-version" aria-label={title}>
      <h3>{title}</h3>
      <p className="conflict-headline">{draft.headline}</p>
      {draft.dek && <p className="muted">{draft.dek}</p>}
      <div className="conflict-body">{text}</div>
    </section>
  );
}

/** Shown when a save was refused because someone else saved first. Nothing is overwritten silently. */
export function ConflictPanel({ mine, theirs, onResolve }: Props) {
  return (
    <div className="conflict" role="alertdialog" aria-labelledby="conflict-title" aria-describedby="conflict-help">
      <h2 id="conflict-title">Someone else saved this story while you were editing</h2>
      <p id="conflict-help">
        Your changes are safe on this device. Choose what to keep: your version replaces theirs (theirs stays in the history), or
        take theirs — either dropping yours or keeping yours aside in the history.
      </p>
      <div className="conflict-versions">
        <Version title="Your version" draft={mine} />
        <Version title={`Their version (saved ${new Date(theirs.updatedAt).toLocaleTimeString()})`} draft={theirs} />
      </div>
      <div className="conflict-actions">
        <button type="button" className="btn" onClick={() => onResolve('mine')}>
          Keep mine
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => onResolve('copy-aside')}>
          Copy mine aside
        </button>
        <button type="button" className="btn btn-quiet" onClick={() => onResolve('theirs')}>
          Take theirs
        </button>
      </div>
    </div>
  );
}
