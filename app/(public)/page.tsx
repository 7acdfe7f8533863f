import { connection } from 'next/server';
import { StorySummary } from '@/components/reading/story-summary';
import { listPublishedStories } from '@/lib/data/public-stories';

export default async function HomePage() {
  await connection();
  const stories = await listPublishedStories();
  return (
    <>
      <h1 className="visually-hidden">Latest stories</h1>
      {stories.length === 0 ? (
        <p>Nothing has been published yet.</p>
      ) : (
        <ul className="story-list">
          {stories.map((story) => (
            <li key={story.id}>
              <StorySummary story={story} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
