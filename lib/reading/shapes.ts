// What the reading site's components are given to render: the shapes the public reads of the data
// layer return, named here so that a component depends on what it shows and never on the reads
// (components/reading imports nothing from lib/data; ESLint keeps it so).

export type { ArticleData, Byline, PublicImage, PublicStory, PublicStorySummary, StoryPage } from '@/lib/data/public-stories';
export type { LiveBlog, PublicEntry } from '@/lib/data/live-public';
export type { FrontBlock, ResolvedFront } from '@/lib/data/public-front';
export type { PublicAuthor, PublicSection, PublicTag } from '@/lib/data/public-directory';
export type { CorrectionListing } from '@/lib/data/corrections';
export type { SiteIdentity } from '@/lib/data/site-identity';
export type { ListingKind, ListingSubject, PublicListing } from '@/lib/data/public-page';
