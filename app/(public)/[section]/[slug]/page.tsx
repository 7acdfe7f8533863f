import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ArticleView } from '@/components/reading/article-view';
import { getPublishedStory } from '@/lib/data/public-stories';

type Props = { params: Promise<{ section: string; slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { section, slug } = await params;
  const story = await getPublishedStory(section, slug);
  return story ? { title: story.headline, description: story.dek || undefined } : {};
}

export default async function ArticlePage({ params }: Props) {
  const { section, slug } = await params;
  const story = await getPublishedStory(section, slug);
  if (!story) notFound();

  return <ArticleView story={story} />;
}
