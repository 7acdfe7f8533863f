import type { Metadata } from 'next';
import { ListingPage, listingPageMetadata } from '@/app/(public)/listing-page';
import { decodePath } from '@/lib/urls';

type Props = { params: Promise<{ tag: string }> };

// Cached whole like a section's first page (see app/(public)/[section]/page.tsx).
export const revalidate = 3600;
export function generateStaticParams(): { tag: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingPageMetadata('tag', decodePath((await params).tag));
}

export default async function TagPage({ params }: Props) {
  return <ListingPage kind="tag" slug={decodePath((await params).tag)} />;
}
