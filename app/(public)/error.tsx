'use client';
/* eslint-disable @next/next/no-html-link-for-pages -- after an error a full page load, not a client navigation, is what starts afresh */

// A reading page that could not be rendered, most often because the database is unreachable. The
// server answers it with 503 and Retry-After when that is the cause (scripts/server.ts). Plain links
// rather than a retry button: a reader's browser simply loads the page again.
export default function ReadingError() {
  return (
    <section className="notice-page" aria-labelledby="error-title">
      <h1 id="error-title">This page is unavailable for a moment</h1>
      <p>We could not put it together just now. It usually comes back within seconds.</p>
      <p>
        <a href="">Try again</a> or go to the <a href="/">front page</a>.
      </p>
    </section>
  );
}
