import Link from 'next/link';
import type { ReactNode } from 'react';
import type { PublicSection, SiteIdentity } from '@/lib/reading/shapes';
import { sectionPath } from '@/lib/urls';

/** Masthead, section navigation, search and footer around every public page (the 404 page too). */
export function SiteChrome({ sections, site, children }: { sections: PublicSection[]; site: SiteIdentity; children: ReactNode }) {
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
