import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/reading/pager';
import { StoryList } from '@/components/reading/story-list';
import { getPublicAuthor, getPublicSection, getPublicTag } from '@/lib/data/public-directory';
import { storyPageFor } from '@/lib/data/public-page';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { listingMetadata } from '@/lib/seo/metadata';
import { authorPath, sectionPath, tagPath } from '@/lib/urls';

// The three story lists of the reading site. Their first pages are cached whole (ISR, at
// /{section}, /tags/{tag}, /authors/{author}); older pages (?cursor=) are rendered per request
// at an internal address the configuration rewrites them to (next.config.js).

export type ListingKind = 'section' | 'tag' | 'author';
type Cursor = string | string[] | undefined;

export async function listingMetadataFor(kind: ListingKind, slug: string): Promise<Metadata> {
  const { name: siteName } = await getSiteIdentity();
  if (kind === 'section') {
    const section = await getPublicSection(slug);
    if (!section) return {};
    return listingMetadata({ title: section.name, description: `The latest ${section.name} stories.`, path: sectionPath(section), feed: `/${section.slug}/feed.xml`, siteName });
  }
  if (kind === 'tag') {
    const tag = await getPublicTag(slug);
    if (!tag) return {};
    return listingMetadata({ title: tag.name, description: `Stories about ${tag.name}.`, path: tagPath(tag), feed: `/tags/${tag.slug}/feed.xml`, siteName });
  }
  const author = await getPublicAuthor(slug);
  if (!author) return {};
  return listingMetadata({ title: author.name, description: author.bio || `Stories by ${author.name}.`, path: authorPath(author), siteName });
}

export async function Listing({ kind, slug, cursor }: { kind: ListingKind; slug: string; cursor?: Cursor }) {
  if (kind === 'section') {
    const section = await getPublicSection(slug);
    if (!section) notFound();
    const page = await storyPageFor({ section: section.slug }, cursor);
    if (!page) notFound();
    return (
      <>
        <h1 className="section-title">{section.name}</h1>
        <StoryList stories={page.stories} empty={`Nothing has been published in ${section.name} yet.`} showSection={false} />
        <Pager basePath={sectionPath(section)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
      </>
    );
  }
  if (kind === 'tag') {
    const tag = await getPublicTag(slug);
    if (!tag) notFound();
    const page = await storyPageFor({ tag: tag.slug }, cursor);
    if (!page) notFound();
    return (
      <>
        <p className="kicker">Topic</p>
        <h1 className="section-title">{tag.name}</h1>
        <StoryList stories={page.stories} empty={`No stories about ${tag.name} yet.`} />
        <Pager basePath={tagPath(tag)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
      </>
    );
  }
  const author = await getPublicAuthor(slug);
  if (!author) notFound();
  const page = await storyPageFor({ author: author.slug }, cursor);
    if (!page) notFound();
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
