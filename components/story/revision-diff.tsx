import type { SnapshotDiff } from '@/lib/revisions/diff';

/** A word-level comparison: insertions and deletions marked, unchanged fields summarised. */
export function RevisionDiff({ diff }: { diff: SnapshotDiff }) {
  const changed = diff.filter((f) => f.changed);
  const same = diff.filter((f) => !f.changed);
  return (
    <div className="diff">
      {changed.length === 0 && <p>These two versions are the same.</p>}
      {changed.map((field) => (
        <section key={field.field} className="diff-field" aria-label={`Changes to ${field.label}`}>
          <h3>{field.label}</h3>
          <div className={field.field === 'body' ? 'diff-text diff-body' : 'diff-text'}>
            {field.parts.map((part, i) =>
              part.kind === 'added' ? (
                <ins key={i}>{part.text}</ins>
              ) : part.kind === 'removed' ? (
                <del key={i}>{part.text}</del>
              ) : (
                <span key={i}>{part.text}</span>
              ),
            )}
          </div>
        </section>
      ))}
      {same.length > 0 && changed.length > 0 && <p className="muted">Unchanged: {same.map((f) => f.label).join(', ')}.</p>}
    </div>
  );
}
