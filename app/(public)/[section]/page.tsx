import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/reading/pager';
import { StoryList } from '@/components/reading/story-list';
import { getPublicSection } from '@/lib/data/public-directory';
import { storyPageFor } from '@/lib/data/public-page';
import { listingMetadata } from '@/lib/seo/metadata';
import { sectionPath } from '@/lib/urls';

type Props = { params: Promise<{ section: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const section = await getPublicSection((await params).section);
  if (!section) return {};
  return listingMetadata({ title: section.name, description: `The latest ${section.name} stories.`, path: sectionPath(section), feed: `/${section.slug}/feed.xml` });
}

export default async function SectionPage({ params, searchParams }: Props) {
  const section = await getPublicSection((await params).section);
  if (!section) notFound();
  const page = await storyPageFor({ section: section.slug }, searchParams);
  return (
    <>
      <h1 className="section-title">{section.name}</h1>
      <StoryList stories={page.stories} empty={`Nothing has been published in ${section.name} yet.`} showSection={false} />
      <Pager basePath={sectionPath(section)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
    </>
  );
}
