import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ListingKind } from '@/lib/data/public-page';
import { ListingPage, listingPageMetadata } from '@/app/(public)/listing-page';

// Older pages of a section, tag or author (`/world?cursor=…`), rendered per request: a cursor is a
// query string, which a page cached whole cannot read. Reached only through next.config.js's
// rewrites; the server refuses this address when a client asks for it directly.

type Props = { params: Promise<{ kind: string; slug: string }>; searchParams: Promise<{ cursor?: string | string[] }> };
const KINDS: ListingKind[] = ['section', 'tag', 'author'];
const kindOf = (kind: string) => KINDS.find((k) => k === kind);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { kind, slug } = await params;
  const known = kindOf(kind);
  return known ? listingPageMetadata(known, slug) : {};
}

export default async function OlderStoriesPage({ params, searchParams }: Props) {
  const { kind, slug } = await params;
  const known = kindOf(kind);
  if (!known) notFound();
  return <ListingPage kind={known} slug={slug} cursor={(await searchParams).cursor} />;
}
