import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/reading/pager';
import { StoryList } from '@/components/reading/story-list';
import { getPublicAuthor } from '@/lib/data/public-directory';
import { storyPageFor } from '@/lib/data/public-page';
import { listingMetadata } from '@/lib/seo/metadata';
import { authorPath } from '@/lib/urls';

type Props = { params: Promise<{ author: string }>; searchParams: Promise<{ cursor?: string | string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const author = await getPublicAuthor((await params).author);
  if (!author) return {};
  return listingMetadata({ title: author.name, description: author.bio || `Stories by ${author.name}.`, path: authorPath(author) });
}

export default async function AuthorPage({ params, searchParams }: Props) {
  const author = await getPublicAuthor((await params).author);
  if (!author) notFound();
  const page = await storyPageFor({ author: author.slug }, searchParams);
  return (
    <>
      <header className="author-header">
        <h1 className="section-title">{author.name}</h1>
        {author.bio && <p className="dek">{author.bio}</p>}
        <p className="meta">
          {author.storyCount} {author.storyCount === 1 ? 'story' : 'stories'}
        </p>
      </header>
      <h2 className="list-title">Stories by {author.name}</h2>
      <StoryList stories={page.stories} empty={`No published stories by ${author.name} yet.`} level={3} />
      <Pager basePath={authorPath(author)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
    </>
  );
}
