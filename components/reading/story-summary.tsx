import Link from 'next/link';
import { formatDate, joinNames } from '@/lib/format';
import type { PublicStorySummary } from '@/lib/data/public-stories';
import { storyPath } from '@/lib/urls';

export function StorySummary({ story }: { story: PublicStorySummary }) {
  return (
    <article>
      <Link className="kicker" href={`/${story.section.slug}`}>
        {story.section.name}
      </Link>
      <h2>
        <Link href={storyPath(story)}>{story.headline}</Link>
      </h2>
      {story.dek && <p>{story.dek}</p>}
      <div className="meta">
        By {joinNames(story.bylines.map((b) => b.name))} ·{' '}
        <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>
      </div>
    </article>
  );
}
