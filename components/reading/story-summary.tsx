import Link from 'next/link';
import { formatDate, joinNames } from '@/lib/format';
import type { PublicStorySummary } from '@/lib/reading/shapes';
import { sectionPath, storyPath } from '@/lib/urls';
import { ResponsiveImage } from './responsive-image';

// One story as a list or the front page shows it. `lead`: the front page's first story, its image
// large and loaded first; `top`: a small picture beside the headline; `list`: section, tag and
// author pages, a picture beside the text; `compact`: time and headline only. A story without an
// image simply gives its text the full width: no placeholder box.

export type SummaryVariant = 'lead' | 'top' | 'list' | 'compact';
type Props = { story: PublicStorySummary; level?: 2 | 3; variant?: SummaryVariant; showSection?: boolean; showDek?: boolean; eager?: boolean };

const SIZES: Record<SummaryVariant, string> = {
  lead: '(min-width: 60rem) 44rem, 100vw',
  top: '7rem',
  list: '(min-width: 40rem) 12rem, 7rem',
  compact: '0px',
};

export function StorySummary({ story, level = 2, variant = 'list', showSection = true, showDek = variant !== 'top', eager = false }: Props) {
  const Heading = `h${level}` as const;
  const published = <time dateTime={story.publishedAt.toISOString()}>{formatDate(story.publishedAt)}</time>;
  if (variant === 'compact') {
    return (
      <article className="summary summary-compact">
        <p className="meta">{published}</p>
        <Heading>
          {story.liveNow && <span className="live-badge">Live</span>}
          <Link href={storyPath(story)}>{story.headline}</Link>
        </Heading>
      </article>
    );
  }
  const image = story.image && <ResponsiveImage image={story.image} sizes={SIZES[variant]} priority={variant === 'lead'} eager={eager} />;
  return (
    <article className={`summary summary-${variant}${story.image ? ' has-image' : ''}`}>
      {image && <div className="summary-image">{image}</div>}
      <div className="summary-text">
        {showSection && (
          <Link className="kicker" href={sectionPath(story.section)}>
            {story.section.name}
          </Link>
        )}
        <Heading>
          {story.liveNow && <span className="live-badge">Live</span>}
          <Link href={storyPath(story)}>{story.headline}</Link>
        </Heading>
        {showDek && story.dek && <p className="summary-dek">{story.dek}</p>}
        <p className="meta">
          By {joinNames(story.bylines.map((b) => b.name))} · {published}
        </p>
      </div>
    </article>
  );
}
