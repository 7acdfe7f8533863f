import type { Metadata } from 'next';
import { ListingPage, listingPageMetadata } from '@/app/(public)/listing-page';
import { decodePath } from '@/lib/urls';

type Props = { params: Promise<{ author: string }> };

// Cached whole like a section's first page (see app/(public)/[section]/page.tsx).
export const revalidate = 3600;
export function generateStaticParams(): { author: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingPageMetadata('author', decodePath((await params).author));
}

export default async function AuthorPage({ params }: Props) {
  return <ListingPage kind="author" slug={decodePath((await params).author)} />;
}
