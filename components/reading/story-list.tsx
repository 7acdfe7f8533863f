import type { PublicStorySummary } from '@/lib/data/public-stories';
import { StorySummary } from './story-summary';

export function StoryList({ stories, empty }: { stories: PublicStorySummary[]; empty: string }) {
  if (stories.length === 0) return <p>{empty}</p>;
  return (
    <ul className="story-list">
      {stories.map((story) => (
        <li key={story.id}>
          <StorySummary story={story} />
        </li>
      ))}
    </ul>
  );
}
