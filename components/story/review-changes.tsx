import type { ReviewChanges as Changes } from '@/lib/data/revisions';
import { formatDateTime } from '@/lib/format';
import { ParagraphChanges, Parts } from './paragraph-changes';

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
