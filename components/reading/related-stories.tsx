import Link from 'next/link';
import type { PublicStorySummary } from '@/lib/reading/shapes';
import { storyPath } from '@/lib/urls';

export function RelatedStories({ stories }: { stories: PublicStorySummary[] }) {
  if (stories.length === 0) return null;
  return (
    <aside className="related" aria-labelledby="related-heading">
      <h2 id="related-heading">Related stories</h2>
      <ul>
        {stories.map((s) => (
          <li key={s.id}>
            <Link href={storyPath(s)}>{s.headline}</Link>
          </li>
        ))}
      </ul>
    </aside>
  );
}
