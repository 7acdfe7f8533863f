import type { Metadata } from 'next';
import Link from 'next/link';

// Rendered by the proxy, with status 410, for the URL of a story taken off the public site.
export const metadata: Metadata = { title: 'Story removed', robots: { index: false } };

export default function GonePage() {
  return (
    <section className="notice-page" aria-labelledby="gone-title">
      <h1 id="gone-title">This story is no longer available</h1>
      <p>It has been removed from the site by its editors. If it is corrected and republished, it will return at this address.</p>
      <p>
        <Link href="/">Go to the front page</Link> or <Link href="/search">search the archive</Link>.
      </p>
    </section>
  );
}
