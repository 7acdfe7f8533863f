import type { PublicStorySummary } from '@/lib/data/public-stories';
import { StorySummary } from './story-summary';

export function StoryList({ stories, empty, showSection = true, level = 2 }: { stories: PublicStorySummary[]; empty: string; showSection?: boolean; level?: 2 | 3 }) {
  if (stories.length === 0) return <p className="empty">{empty}</p>;
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id}>
          <StorySummary story={story} showSection={showSection} level={level} />
        </li>
      ))}
    </ul>
  );
}
