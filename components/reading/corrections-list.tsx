import type { Metadata } from 'next';
import Link from 'next/link';
import { listRecentCorrections } from '@/lib/data/corrections';
import { formatDate } from '@/lib/format';
import { storyPath } from '@/lib/urls';

export const correctionsMetadata: Metadata = { title: 'Corrections', description: 'Every correction and clarification we have published.' };

/** Every correction and clarification, newest first. */
export async function CorrectionsList() {
  const corrections = await listRecentCorrections();
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
