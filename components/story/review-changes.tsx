import type { ReviewChanges as Changes } from '@/lib/data/revisions';
import { formatDateTime } from '@/lib/format';
import type { DiffPart, ParagraphChange } from '@/lib/revisions/diff';

export function Parts({ parts }: { parts: DiffPart[] }) {
  return (
    <>
      {parts.map((p, i) => (p.kind === 'added' ? <ins key={i}>{p.text}</ins> : p.kind === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** For the reviewing editor: only what changed since they last saw the story. */
export function ReviewChanges({ changes }: { changes: Changes }) {
  const edited = changes.paragraphs.filter((p) => p.kind !== 'unchanged').length;
  return (
    <section className="panel review-changes diff" aria-labelledby="review-changes-heading">
      <h2 id="review-changes-heading">Changes since {changes.since.label}</h2>
      <p className="muted">
        Compared with <time dateTime={changes.since.at.toISOString()}>{formatDateTime(changes.since.at)}</time>: {edited === 0 ? 'the text is unchanged' : `${edited} paragraph${edited === 1 ? '' : 's'} changed`}
        {changes.fields.length > 0 && `; also ${changes.fields.map((f) => f.label.toLowerCase()).join(', ')}`}.
      </p>
      {changes.fields.map((f) => (
        <p key={f.field} className="diff-text">
          <strong>{f.label}:</strong> <Parts parts={f.parts} />
        </p>
      ))}
      <ParagraphChanges paragraphs={changes.paragraphs} />
    </section>
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
