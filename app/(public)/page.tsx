import { connection } from 'next/server';
import { StoryList } from '@/components/reading/story-list';
import { listPublishedStories } from '@/lib/data/public-stories';

export default async function HomePage() {
  await connection();
  const stories = await listPublishedStories();
  return (
    <>
      <h1 className="visually-hidden">Latest stories</h1>
      <StoryList stories={stories} empty="Nothing has been published yet." />
    </>
  );
}
