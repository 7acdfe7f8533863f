import Link from 'next/link';

/** What a reader sees at an address that holds nothing. */
export function NotFoundNotice() {
  return (
    <section className="notice-page" aria-labelledby="not-found-title">
      <h1 id="not-found-title">We can’t find that page</h1>
      <p>The address may be mistyped, or the page may never have existed.</p>
      <p>
        <Link href="/">Go to the front page</Link> or <Link href="/search">search the archive</Link>.
      </p>
    </section>
  );
}
