import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteChrome } from '@/components/reading/site-chrome';
import './(public)/reading.css';

export const metadata: Metadata = { title: 'Page not found', robots: { index: false } };

export default function NotFound() {
  return (
    <SiteChrome>
      <section className="notice-page" aria-labelledby="not-found-title">
        <h1 id="not-found-title">We can’t find that page</h1>
        <p>The address may be mistyped, or the page may never have existed.</p>
        <p>
          <Link href="/">Go to the front page</Link> or <Link href="/search">search the archive</Link>.
        </p>
      </section>
    </SiteChrome>
  );
}
