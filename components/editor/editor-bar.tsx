'use client';

import Link from 'next/link';
import { useEffect, useState, type ComponentProps } from 'react';
import { Presence } from './presence';
import { PreviewButtons } from './preview-buttons';
import { SaveStatus } from './save-status';
import type { SaveState } from './types';

type Props = {
  state: SaveState;
  storyId: string | null;
  words: number;
  editable: boolean;
  save: (kind: 'manual', label: string) => Promise<void>;
  flush: () => Promise<number | null>;
  onDiscussion: (fingerprint: string) => void;
  /** Written together: the story's connection, whose awareness says who else is here. */
  awareness: ComponentProps<typeof Presence>['awareness'];
  viewerName: string;
};

/** The bar above the story: save state, who else is here, length, a named checkpoint (Ctrl/⌘+S). */
export function EditorBar({ state, storyId, words, editable, save, flush, onDiscussion, awareness, viewerName }: Props) {
  const [checkpoint, setCheckpoint] = useState('');
  const saveCheckpoint = () => {
    void save('manual', checkpoint);
    setCheckpoint('');
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === 's') {
        event.preventDefault();
        void save('manual', checkpoint);
        setCheckpoint('');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [save, checkpoint]);

  return (
    <div className="editor-bar">
      <SaveStatus state={state} />
      {storyId && <Presence storyId={storyId} onDiscussion={onDiscussion} awareness={awareness} me={viewerName} />}
      <span className="muted">
        {words.toLocaleString('en')} words · {Math.max(1, Math.round(words / 230))} min read
      </span>
      <div className="editor-bar-actions">
        <label className="visually-hidden" htmlFor="checkpoint-name">
          Checkpoint name
        </label>
        <input id="checkpoint-name" placeholder="Checkpoint name (optional)" value={checkpoint} onChange={(e) => setCheckpoint(e.target.value)} disabled={!editable} />
        <button type="button" className="btn" disabled={!editable} title="Save a named checkpoint (Ctrl/⌘+S)" onClick={saveCheckpoint}>
          Save
        </button>
        {storyId && (
          <Link className="btn btn-quiet" href={`/newsroom/stories/${storyId}/history`}>
            History
          </Link>
        )}
        {storyId && <PreviewButtons storyId={storyId} flush={flush} />}
      </div>
    </div>
  );
}
