import type { DiffPart, ParagraphChange } from '@/lib/revisions/diff';

// Word-level and paragraph-level changes, as the review panel and the wire update panel show them.

export function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** Paragraphs compared: unchanged runs counted, edited ones word by word. */
export function ParagraphChanges({ paragraphs }: { paragraphs: ParagraphChange[] }) {
  return (
    <ol className="review-paragraphs">
      {paragraphs.map((p, i) =>
        p.kind === 'unchanged' ? (
          <li key={i} className="muted unchanged-count">
            {p.count} unchanged paragraph{p.count === 1 ? '' : 's'}
          </li>
        ) : (
          <li key={i} className={`changed-paragraph ${p.kind}`} aria-label={p.kind === 'changed' ? 'Edited paragraph' : p.kind === 'added' ? 'New paragraph' : 'Deleted paragraph'}>
            {p.kind === 'changed' ? <Parts parts={p.parts} /> : p.kind === 'added' ? <ins>{p.text}</ins> : <del>{p.text}</del>}
          </li>
        ),
      )}
    </ol>
  );
}
