'use client';

import type { FrontStory } from '@/lib/data/front';
import { StoryCombobox } from './story-combobox';

export const SLOT_MIME = 'application/x-masthead-slot';

type Props = {
  label: string;
  story: FrontStory | null;
  /** Said when the slot is empty: what readers will see there instead. */
  fallback: string;
  /** The story readers would see there now (the fill of an empty slot), as of the last save. */
  showing: string | null;
  canMoveUp: boolean;
  canMoveDown: boolean;
  onMove: (step: -1 | 1) => void;
  onChoose: (story: FrontStory) => void;
  onClear: () => void;
  onDropSlot: (from: string) => void;
  slotKey: string;
};

/** One slot of the front page: its story, the picker, and moves by button, Alt+arrow or drag. */
export function FrontSlot({ label, story, fallback, showing, canMoveUp, canMoveDown, onMove, onChoose, onClear, onDropSlot, slotKey }: Props) {
  return (
    <li
      className={story ? 'front-slot' : 'front-slot front-slot-empty'}
      draggable={story !== null}
      onDragStart={(e) => {
        e.dataTransfer.setData(SLOT_MIME, slotKey);
        e.dataTransfer.effectAllowed = 'move';
      }}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(SLOT_MIME)) e.preventDefault();
      }}
      onDrop={(e) => {
        const from = e.dataTransfer.getData(SLOT_MIME);
        if (from) {
          e.preventDefault();
          onDropSlot(from);
        }
      }}
      onKeyDown={(e) => {
        if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
        const step = e.key === 'ArrowUp' ? -1 : 1;
        if ((step === -1 && !canMoveUp) || (step === 1 && !canMoveDown)) return;
        e.preventDefault();
        onMove(step);
      }}
      aria-label={label}
    >
      <div className="front-slot-head">
        <span className="front-slot-name" aria-hidden="true">
          {label}
        </span>
        {story && (
          <span className="front-slot-tools">
            <button type="button" className="btn btn-quiet btn-small" disabled={!canMoveUp} onClick={() => onMove(-1)} aria-label={`Move ${label} up`} aria-keyshortcuts="Alt+ArrowUp">
              ↑
            </button>
            <button type="button" className="btn btn-quiet btn-small" disabled={!canMoveDown} onClick={() => onMove(1)} aria-label={`Move ${label} down`} aria-keyshortcuts="Alt+ArrowDown">
              ↓
            </button>
            <button type="button" className="btn btn-quiet btn-small" onClick={onClear} aria-label={`Empty ${label}`}>
              Remove
            </button>
          </span>
        )}
      </div>
      {story ? (
        <p className="front-slot-story">
          <strong>{story.headline}</strong>
          <span className="muted"> · {story.section}</span>
          {!story.live && <span className="front-slot-warn"> Not live: {fallback.toLowerCase()}</span>}
        </p>
      ) : (
        <p className="front-slot-story muted">
          Empty: {fallback.toLowerCase()}
          {showing && (
            <>
              , now <q>{showing}</q>
            </>
          )}
        </p>
      )}
      <StoryCombobox label={label} onChoose={onChoose} />
    </li>
  );
}
