import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { CorrectionsList } from '@/components/reading/corrections-list';
import { FrontPage } from '@/components/reading/front-page';
import { listRecentCorrections } from '@/lib/data/corrections';
import { getFrontPage } from '@/lib/data/public-front';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { listingMetadata } from '@/lib/seo/metadata';

// The front page (/) and the corrections page (/corrections), cached whole after their first
// render (ISR) and revalidated by every change that reaches them (lib/cache/pages.ts). They live
// behind a rewrite (next.config.js) at a dynamic address because `next build` prerenders a page
// without parameters, and the build has no database to read; a page with a parameter and no
// static params is rendered on its first request instead. The server refuses this address when a
// client asks for it directly.

type Props = { params: Promise<{ page: string }> };
const PAGES: Record<string, { view: () => Promise<ReactNode>; metadata: () => Promise<Metadata> }> = {
  // The front page, as the editors last published it.
  front: {
    view: async () => {
      const [front, site] = await Promise.all([getFrontPage(), getSiteIdentity()]);
      return <FrontPage front={front} siteName={site.name} />;
    },
    metadata: async () => {
      const site = await getSiteIdentity();
      return listingMetadata({ description: site.description, path: '/', siteName: site.name });
    },
  },
  corrections: {
    view: async () => <CorrectionsList corrections={await listRecentCorrections()} />,
    metadata: async () => ({ title: 'Corrections', description: 'Every correction and clarification we have published.' }),
  },
};

export const revalidate = 3600;
export function generateStaticParams(): { page: string }[] {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return (await PAGES[(await params).page]?.metadata()) ?? {};
}

export default async function CachedPage({ params }: Props) {
  const page = PAGES[(await params).page];
  if (!page) notFound();
  return page.view();
}
