import { NextResponse, type NextRequest } from 'next/server';

// Only a convenience redirect for visitors without a session cookie. Authorisation happens in
// lib/data on every read and write; this file is not a wall.
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const login = new URL('/login', request.url);
  login.searchParams.set('callbackUrl', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(login);
}

export const config = { matcher: ['/newsroom', '/newsroom/:path*'] };
