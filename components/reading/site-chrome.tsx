import Link from 'next/link';
import type { ReactNode } from 'react';
import { listPublicSections } from '@/lib/data/public-directory';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { sectionPath } from '@/lib/urls';

/** Masthead, section navigation, search and footer around every public page (the 404 page too). */
export async function SiteChrome({ children }: { children: ReactNode }) {
  // Sections come from the database (through the tag cache), per request or once per cached page
  // as the page decides. `next build` has no database: the pages it tries to prerender turn out to
  // be per-request ones and are thrown away, so the chrome it renders for them can go without.
  const [sections, site] = await Promise.all([process.env.NEXT_PHASE === 'phase-production-build' ? [] : listPublicSections(), getSiteIdentity()]);
  return (
    <div className="reading">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="masthead">
        <Link href="/" className="masthead-title">
          {site.name}
        </Link>
        <nav aria-label="Sections" className="section-nav">
          <ul>
            {sections.map((s) => (
              <li key={s.slug}>
                <Link href={sectionPath(s)}>{s.name}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <form role="search" action="/search" className="site-search">
          <label htmlFor="site-search-q" className="visually-hidden">
            Search stories
          </label>
          <input id="site-search-q" type="search" name="q" placeholder="Search" maxLength={200} />
          <button type="submit">Search</button>
        </form>
      </header>
      <main id="main" className="reading-main">
        {children}
      </main>
      <footer className="reading-footer">
        <p>
          {site.name} · {site.tagline} · <Link href="/corrections">Corrections</Link> · <Link href="/feed.xml">RSS</Link> ·{' '}
          <Link href="/api/v1/openapi.json">API</Link>
        </p>
      </footer>
    </div>
  );
}
