import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/reading/site-chrome';
import { listPublicSections } from '@/lib/data/public-directory';
import { getSiteIdentity } from '@/lib/data/site-identity';
import './reading.css';

// Nothing here reads the request: article pages are cached whole (ISR), and every other reading
// page opts into per-request rendering itself (its query string, or connection()).
export default async function PublicLayout({ children }: { children: ReactNode }) {
  // Sections come from the database (through the tag cache), per request or once per cached page
  // as the page decides. `next build` has no database: the pages it tries to prerender turn out to
  // be per-request ones and are thrown away, so the chrome it renders for them can go without.
  const [sections, site] = await Promise.all([process.env.NEXT_PHASE === 'phase-production-build' ? [] : listPublicSections(), getSiteIdentity()]);
  return (
    <SiteChrome sections={sections} site={site}>
      {children}
    </SiteChrome>
  );
}
