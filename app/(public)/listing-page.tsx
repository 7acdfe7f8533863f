import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { Listing } from '@/components/reading/listings';
import { getListingSubject, getPublicListing, type ListingKind } from '@/lib/data/public-page';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { subjectMetadata } from '@/lib/seo/metadata';

// The reads of the three story lists of the reading site, shared by their pages. Their first pages
// are cached whole (ISR, at /{section}, /tags/{tag}, /authors/{author}); older pages (?cursor=) are
// rendered per request at an internal address the configuration rewrites them to (next.config.js).

export async function listingPageMetadata(kind: ListingKind, slug: string): Promise<Metadata> {
  const [subject, site] = await Promise.all([getListingSubject(kind, slug), getSiteIdentity()]);
  return subject ? subjectMetadata(subject, site.name) : {};
}

export async function ListingPage({ kind, slug, cursor }: { kind: ListingKind; slug: string; cursor?: string | string[] }) {
  const listing = await getPublicListing(kind, slug, cursor);
  if (!listing) notFound();
  return <Listing listing={listing} />;
}
