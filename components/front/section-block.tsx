'use client';

import type { ReactNode } from 'react';
import type { FrontLayout } from '@/lib/validations/front';
import { moveBlock } from './slots';

const BLOCK_MIME = 'application/x-masthead-block';

type Props = { layout: FrontLayout; slug: string; name: string; index: number; onChange: (layout: FrontLayout) => void; children: ReactNode };

/** A section's block on the front page, moved in the order by buttons, Alt+arrows or drag and drop. */
export function SectionBlock({ layout, slug, name, index, onChange, children }: Props) {
  const last = layout.sections.length - 1;
  const move = (to: number) => onChange(moveBlock(layout, slug, to));
  return (
    <section
      className="panel front-block"
      aria-label={`${name} block`}
      onDragOver={(e) => {
        if (e.dataTransfer.types.includes(BLOCK_MIME)) e.preventDefault();
      }}
      onDrop={(e) => {
        const from = e.dataTransfer.getData(BLOCK_MIME);
        if (from) {
          e.preventDefault();
          onChange(moveBlock(layout, from, index));
        }
      }}
    >
      <div
        className="front-block-head"
        draggable
        onDragStart={(e) => {
          e.dataTransfer.setData(BLOCK_MIME, slug);
          e.dataTransfer.effectAllowed = 'move';
        }}
        onKeyDown={(e) => {
          if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          move(index + (e.key === 'ArrowUp' ? -1 : 1));
        }}
      >
        <h3>
          {index + 1}. {name}
        </h3>
        <span className="front-slot-tools">
          <button type="button" className="btn btn-quiet btn-small" disabled={index === 0} onClick={() => move(index - 1)} aria-label={`Move ${name} block up`} aria-keyshortcuts="Alt+ArrowUp">
            ↑
          </button>
          <button type="button" className="btn btn-quiet btn-small" disabled={index === last} onClick={() => move(index + 1)} aria-label={`Move ${name} block down`} aria-keyshortcuts="Alt+ArrowDown">
            ↓
          </button>
        </span>
      </div>
      <ol className="front-slots front-slots-compact">{children}</ol>
    </section>
  );
}
