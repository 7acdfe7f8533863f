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

  const retired = await lookupRetiredPath(decodeURIComponent(pathname.slice(1)));
  if (!retired) return NextResponse.next();
  if (retired.kind === 'moved') {
    const to = new URL(retired.to, request.url);
    to.search = request.nextUrl.search;
    return NextResponse.redirect(to, 301);
  }
  return NextResponse.rewrite(new URL('/gone', request.url), { status: 410 });
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
