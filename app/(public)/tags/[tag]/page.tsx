import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/reading/pager';
import { StoryList } from '@/components/reading/story-list';
import { getPublicTag } from '@/lib/data/public-directory';
import { storyPageFor } from '@/lib/data/public-page';
import { listingMetadata } from '@/lib/seo/metadata';
import { tagPath } from '@/lib/urls';

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const tag = await getPublicTag((await params).tag);
  if (!tag) return {};
  return listingMetadata({ title: tag.name, description: `Stories about ${tag.name}.`, path: tagPath(tag), feed: `/tags/${tag.slug}/feed.xml` });
}

export default async function TagPage({ params, searchParams }: Props) {
  const tag = await getPublicTag((await params).tag);
  if (!tag) notFound();
  const page = await storyPageFor({ tag: tag.slug }, searchParams);
  return (
    <>
      <p className="kicker">Topic</p>
      <h1 className="section-title">{tag.name}</h1>
      <StoryList stories={page.stories} empty={`No stories about ${tag.name} yet.`} />
      <Pager basePath={tagPath(tag)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
    </>
  );
}
