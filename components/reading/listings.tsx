import { Pager } from '@/components/reading/pager';
import { StoryList } from '@/components/reading/story-list';
import type { PublicListing } from '@/lib/reading/shapes';
import { authorPath, sectionPath, tagPath } from '@/lib/urls';

/** A page of a section's, tag's or author's stories, newest first, with the link to older ones. */
export function Listing({ listing }: { listing: PublicListing }) {
  const { page } = listing;
  if (listing.kind === 'section') {
    const { section } = listing;
    return (
      <>
        <h1 className="section-title">{section.name}</h1>
        <StoryList stories={page.stories} empty={`Nothing has been published in ${section.name} yet.`} showSection={false} />
        <Pager basePath={sectionPath(section)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
      </>
    );
  }
  if (listing.kind === 'tag') {
    const { tag } = listing;
    return (
      <>
        <p className="kicker">Topic</p>
        <h1 className="section-title">{tag.name}</h1>
        <StoryList stories={page.stories} empty={`No stories about ${tag.name} yet.`} />
        <Pager basePath={tagPath(tag)} nextCursor={page.nextCursor} isFirstPage={page.isFirstPage} />
      </>
    );
  }
  const { author } = listing;
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
