import Link from 'next/link';
import { formatDate, joinNames } from '@/lib/format';
import type { PublicStorySummary } from '@/lib/data/public-stories';
import { sectionPath, storyPath } from '@/lib/urls';
import { ResponsiveImage } from './responsive-image';

type Props = { story: PublicStorySummary; level?: 2 | 3; lead?: boolean; showSection?: boolean };

export function StorySummary({ story, level = 2, lead = false, showSection = true }: Props) {
  const Heading = `h${level}` as const;
  return (
    <article className={lead ? 'summary summary-lead' : 'summary'}>
      {lead && story.image && <ResponsiveImage image={story.image} sizes="(min-width: 60rem) 40rem, 100vw" priority />}
      {showSection && (
        <Link className="kicker" href={sectionPath(story.section)}>
          {story.section.name}
        </Link>
      )}
      <Heading>
        <Link href={storyPath(story)}>{story.headline}</Link>
      </Heading>
      {story.dek && <p className="summary-dek">{story.dek}</p>}
      <p className="meta">
        By {joinNames(story.bylines.map((b) => b.name))} · <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>
      </p>
    </article>
  );
}
