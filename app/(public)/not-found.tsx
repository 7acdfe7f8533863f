import Link from 'next/link';

// The 404 of a reading page, such as an article URL that holds no story. The public layout already
// gives it the site's chrome, and it reads nothing per request, so an article page that answers 404
// can be cached like any other until a story is published at that address.
export default function PublicNotFound() {
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
