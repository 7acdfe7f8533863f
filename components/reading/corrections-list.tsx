import Link from 'next/link';
import { formatDate } from '@/lib/format';
import type { CorrectionListing } from '@/lib/reading/shapes';
import { storyPath } from '@/lib/urls';

/** Every correction and clarification, newest first. */
export function CorrectionsList({ corrections }: { corrections: CorrectionListing[] }) {
  return (
    <div className="article">
      <h1 className="section-title">Corrections</h1>
      <p className="dek">When we get something wrong, we say so here and on the story.</p>
      {corrections.length === 0 ? (
        <p>No corrections have been published.</p>
      ) : (
        <ul className="story-list">
          {corrections.map((c) => (
            <li key={c.id}>
              <p className="meta">
                {c.kind === 'CORRECTION' ? 'Correction' : 'Clarification'} · <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>
              </p>
              <h2>
                <Link href={storyPath(c.story)}>{c.story.headline}</Link>
              </h2>
              <p>{c.text}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
