import type { Metadata } from 'next';
import Link from 'next/link';
import { NotFoundNotice } from '@/components/reading/not-found-notice';
import { SITE } from '@/lib/site';
import './(public)/reading.css';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

// For addresses no route knows. Next renders this with every page, cached ones included, so it
// reads nothing: no database, no request. (Reading pages that find nothing use the 404 of the
// public layout, which has the full chrome.)
export default function NotFound() {
  return (
    <div className="reading">
      <header className="masthead">
        <Link href="/" className="masthead-title">
          {SITE.name}
        </Link>
      </header>
      <main id="main" className="reading-main">
        <NotFoundNotice />
      </main>
    </div>
  );
}
