import type { Metadata } from 'next';
import { ListingPage, listingPageMetadata } from '@/app/(public)/listing-page';
import { decodePath } from '@/lib/urls';

type Props = { params: Promise<{ section: string }> };

// The first page of a section, cached whole after its first render (ISR) and revalidated by every
// change to a story in it (lib/cache/pages.ts). Older pages: app/(public)/older.
export const revalidate = 3600;
export function generateStaticParams(): { section: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingPageMetadata('section', decodePath((await params).section));
}

export default async function SectionPage({ params }: Props) {
  return <ListingPage kind="section" slug={decodePath((await params).section)} />;
}
