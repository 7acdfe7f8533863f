'use client';
/* eslint-disable @next/next/no-html-link-for-pages -- after an error a full page load, not a client navigation, is what starts afresh */

// The last resort: an error in the root layout itself. It replaces the whole document, so it brings
// its own minimal styles in both colour schemes.
export default function GlobalError() {
  return (
    <html lang="en">
      <head>
        <title>Temporarily unavailable · Masthead</title>
        <meta name="robots" content="noindex" />
      </head>
      <body style={{ font: '1.125rem/1.6 Georgia, serif', margin: 0, colorScheme: 'light dark' }}>
        <main style={{ maxWidth: '40rem', margin: '0 auto', padding: '3rem 1rem' }}>
          <p>
            <a href="/">Masthead</a>
          </p>
          <h1 style={{ fontSize: '2rem', lineHeight: 1.2 }}>This page is unavailable for a moment</h1>
          <p>We could not put it together just now. It usually comes back within seconds.</p>
          <p>
            <a href="">Try again</a> or go to the <a href="/">front page</a>.
          </p>
        </main>
      </body>
    </html>
  );
}
