import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { StoryList } from '@/components/reading/story-list';
import { getSection } from '@/lib/data/sections';
import { listPublishedStories } from '@/lib/data/public-stories';

type Props = { params: Promise<{ section: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getSection((await params).section);
  return section ? { title: section.name } : {};
}

export default async function SectionPage({ params }: Props) {
  const section = await getSection((await params).section);
  if (!section) notFound();
  const stories = await listPublishedStories({ sectionSlug: section.slug });
  return (
    <>
      <h1 className="section-title">{section.name}</h1>
      <StoryList stories={stories} empty={`Nothing has been published in ${section.name} yet.`} />
    </>
  );
}
