import { NextResponse, type NextRequest } from 'next/server';
import { lookupRetiredPath } from '@/lib/data/story-paths';

// Routing only, never a wall: authorisation happens in lib/data on every read and write.
// 1. Visitors to the newsroom without a session cookie go to the login page.
// 2. A story URL that has been retired answers here, before any page renders: 301 to where the
//    story lives now (new slug or section), or 410 Gone for a story taken off the public site.
//    App Router pages cannot choose those status codes themselves.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (pathname === '/newsroom' || pathname.startsWith('/newsroom/')) return newsroomGate(request);

  const retired = await lookupRetiredPath(safeDecode(pathname.slice(1))).catch((error: unknown) => {
    // Without the database the page cannot render either; let it answer rather than fail here.
    console.error('[proxy] retired-path lookup failed:', error instanceof Error ? error.message : error);
    return null;
  });
  if (!retired) return NextResponse.next();
  if (retired.kind === 'moved') {
    const to = new URL(retired.to, request.url);
    to.search = request.nextUrl.search;
    return NextResponse.redirect(to, 301);
  }
  return gone();
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

function gone() {
  return new NextResponse(GONE_PAGE, {
    status: 410,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=60, stale-while-revalidate=600' },
  });
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path; // a malformed escape is not a story URL; let the router answer 404
  }
}

function newsroomGate(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

// Two-segment paths are where story URLs live ("/world/yoon-ishiba-summit").
export const config = { matcher: ['/newsroom', '/newsroom/:path*', '/:section/:slug'] };
