import type { Metadata } from 'next';
import { Listing, listingMetadataFor } from '@/components/reading/listings';
import { decodePath } from '@/lib/urls';

type Props = { params: Promise<{ tag: string }> };

// Cached whole like a section's first page (see app/(public)/[section]/page.tsx).
export const revalidate = 3600;
export function generateStaticParams(): { tag: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return listingMetadataFor('tag', decodePath((await params).tag));
}

export default async function TagPage({ params }: Props) {
  return <Listing kind="tag" slug={decodePath((await params).tag)} />;
}
