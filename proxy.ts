import { NextResponse, type NextRequest } from 'next/server';
import { takePublicRequest, type PublicLimit } from '@/lib/data/rate-limits';
import { lookupRetiredPath } from '@/lib/data/story-paths';
import { clientFromHeaders } from '@/lib/security/client-address';
import { noncePolicy, usesNonce } from '@/lib/security/csp';
import { log } from '@/lib/log';
import { databaseDownSince } from '@/lib/db-availability';
import { decodePath } from '@/lib/urls';

// Routing only, never a wall: authorisation happens in lib/data on every read and write.
// 1. Newsroom and sign-in pages get a Content-Security-Policy with a fresh nonce (Next reads it
//    from the request and puts it on its own scripts); visitors to the newsroom without a session
//    cookie go to the login page.
// 2. Search and the public API are rate-limited per client address: 429 with Retry-After.
// 3. A story URL that has been retired answers here, before any page renders: 301 to where the
//    story lives now (new slug or section), 410 Gone for a story taken off the public site, or
//    451 Unavailable For Legal Reasons (RFC 7725) for a story taken down on legal grounds.
//    App Router pages cannot choose those status codes themselves.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
const LOOKUP_LIMIT_MS = 1_000;

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (usesNonce(pathname)) return withNonce(request);
  if (pathname === '/search' || pathname.startsWith('/api/v1/')) return limited(request, pathname === '/search' ? 'search' : 'api');

  // Route handlers (/api/…) are never story addresses. While the database is down, or slow to
  // answer, the page is left to answer for itself (its cached copy, or 503): a retired address's
  // redirect is not worth holding a reader for, and the page's own wait is already bounded.
  if (pathname.startsWith('/api/') || databaseDownSince() !== null) return NextResponse.next();
  const retired = await Promise.race([
    lookupRetiredPath(decodePath(pathname.slice(1))).catch((error: unknown) => {
      log.error({ err: error }, '[proxy] retired-path lookup failed');
      return null;
    }),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), LOOKUP_LIMIT_MS).unref()),
  ]);
  if (!retired) return NextResponse.next();
  if (retired.kind === 'moved') {
    const to = new URL(retired.to, request.url);
    to.search = request.nextUrl.search;
    return NextResponse.redirect(to, 301);
  }
  return retired.kind === 'withheld' ? withheld() : gone();
}

// A page of its own: a rewrite cannot carry a status other than the page's, and this answer must
// not depend on rendering (or on the database beyond the lookup above).
const GONE_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Story removed · Masthead</title>
<style>body{font:1.125rem/1.6 Georgia,serif;color:#16181d;background:#fff;margin:0}main{max-width:40rem;margin:0 auto;padding:3rem 1rem}
h1{font-size:2rem;line-height:1.2}a{color:#a3161a}a:focus-visible{outline:3px solid #a3161a;outline-offset:2px}
@media (prefers-color-scheme:dark){body{color:#e9e7e2;background:#141518}a{color:#f07b72}}</style></head>
<body><main><p><a href="/">Masthead</a></p><h1>This story is no longer available</h1>
<p>It has been taken off the site by its editors. Our <a href="/corrections">corrections page</a> lists the changes we make to published stories.</p>
<p><a href="/">Go to the front page</a> or <a href="/search">search the archive</a>.</p></main></body></html>`;

// RFC 7725: the status says why; the page says no more than a court order allows (nothing of the story).
const WITHHELD_PAGE = GONE_PAGE.replace('<title>Story removed', '<title>Unavailable for legal reasons').replace(
  /<h1>[^]*?<\/main>/,
  `<h1>This story is unavailable for legal reasons</h1>
<p>It has been withheld while a legal matter is resolved.</p>
<p><a href="/">Go to the front page</a> or <a href="/search">search the archive</a>.</p></main>`,
);

// The cache front keeps these answers only briefly and without grace: a restore is purged at once,
// and a takedown must not be served stale from before it.
const UNAVAILABLE_HEADERS = { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=60' };

function gone() {
  return new NextResponse(GONE_PAGE, { status: 410, headers: { ...UNAVAILABLE_HEADERS, 'Cache-Control': `${UNAVAILABLE_HEADERS['Cache-Control']}, stale-while-revalidate=600` } });
}

function withheld() {
  return new NextResponse(WITHHELD_PAGE, { status: 451, headers: UNAVAILABLE_HEADERS });
}

function withNonce(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const isNewsroom = pathname === '/newsroom' || pathname.startsWith('/newsroom/');
  if (isNewsroom && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', pathname + request.nextUrl.search);
    return NextResponse.redirect(login);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(18))).toString('base64');
  const policy = noncePolicy(nonce, process.env.NODE_ENV === 'development');
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

async function limited(request: NextRequest, kind: PublicLimit) {
  const result = await takePublicRequest(kind, clientFromHeaders(request.headers));
  if (result.ok) return NextResponse.next();
  const headers = { 'Retry-After': String(result.retryAfterSeconds), 'Cache-Control': 'no-store' };
  const message = `Too many requests from your address; try again in ${result.retryAfterSeconds} seconds.`;
  if (kind === 'api') {
    return NextResponse.json({ error: message }, { status: 429, headers: { ...headers, 'Access-Control-Allow-Origin': '*' } });
  }
  return new NextResponse(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Too many searches · Masthead</title></head><body><main><h1>Too many searches</h1><p>${message}</p><p><a href="/">Go to the front page</a></p></main></body></html>`,
    { status: 429, headers: { ...headers, 'Content-Type': 'text/html; charset=utf-8' } },
  );
}

// Two-segment paths are where story URLs live ("/world/yoon-ishiba-summit").
export const config = {
  matcher: ['/newsroom', '/newsroom/:path*', '/login', '/reset-password/:path*', '/search', '/api/v1/:path*', '/:section/:slug'],
};
