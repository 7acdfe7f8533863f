// What the server sends in place of a page that failed while the database is unreachable: a page
// of its own, complete without JavaScript and without the database, in the site's colours.

export const OUTAGE_RETRY_SECONDS = 5;

export const OUTAGE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><meta http-equiv="refresh" content="${OUTAGE_RETRY_SECONDS * 2}"><title>Temporarily unavailable · Masthead</title>
<style>body{font:1.125rem/1.6 Georgia,serif;color:#16181d;background:#fff;margin:0}main{max-width:40rem;margin:0 auto;padding:3rem 1rem}
h1{font-size:2rem;line-height:1.2}a{color:#a3161a}a:focus-visible{outline:3px solid #a3161a;outline-offset:2px}
@media (prefers-color-scheme:dark){body{color:#e9e7e2;background:#141518}a{color:#f07b72}}</style></head>
<body><main><p><a href="/">Masthead</a></p><h1>This page is unavailable for a moment</h1>
<p>We cannot reach our database just now. This page will try again by itself in a few seconds.</p>
<p>If you were writing in the newsroom, your story is kept in this browser and saved when the connection returns.</p>
<p><a href="">Try again now</a></p></main></body></html>`;

export const OUTAGE_JSON = JSON.stringify({ error: { status: 503, message: 'The database is unreachable; try again in a few seconds.' } });
