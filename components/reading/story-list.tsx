import type { PublicStorySummary } from '@/lib/reading/shapes';
import { StorySummary, type SummaryVariant } from './story-summary';

type Props = { stories: PublicStorySummary[]; empty: string; showSection?: boolean; level?: 2 | 3; variant?: SummaryVariant; className?: string };

export function StoryList({ stories, empty, showSection = true, level = 2, variant = 'list', className = 'story-list' }: Props) {
  if (stories.length === 0) return empty ? <p className="empty">{empty}</p> : null;
  return (
    <ul className={className}>
      {stories.map((story, i) => (
        <li key={story.id}>
          {/* The first pictures of a list are on screen at once; the rest wait until scrolled to. */}
          <StorySummary story={story} showSection={showSection} level={level} variant={variant} eager={variant === 'list' && i < 2} />
        </li>
      ))}
    </ul>
  );
}
