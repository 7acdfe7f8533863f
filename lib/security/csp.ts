// The Content-Security-Policy of every kind of page, in one place.
//
// Newsroom and sign-in pages are rendered per request, so each response gets a fresh nonce and
// only scripts carrying it (and what they load: 'strict-dynamic') run; an injected inline script
// does not. Public pages are cached and shared between readers, and a nonce that every reader
// shares protects nothing, so they get the strictest policy a cached page can carry: scripts only
// from our own origin plus Next's inline bootstrap ('unsafe-inline'), nothing from elsewhere, no
// plugins, no <base>, no framing, forms only to us. What stops script injection there is that
// every text is escaped and rich text is rendered only from validated JSON. Frames: none, except
// on public pages the players of enabled embed providers (loaded only when a reader presses play).

import { publicMediaOrigin } from '@/lib/media/urls';

export const CSP_REPORT_PATH = '/api/csp-report';

/** Routes that get a per-request nonce: everything behind sign-in, and the sign-in pages. */
export function usesNonce(pathname: string): boolean {
  return /^\/(newsroom|login|reset-password)(\/|$)/.test(pathname);
}

function policy(scriptSrc: string[], dev: boolean, frames: readonly string[] = []): string {
  // Renditions come from the public bucket when MASTHEAD_MEDIA_PUBLIC_URL names one (lib/media/urls.ts).
  const media = publicMediaOrigin();
  return [
    "default-src 'self'",
    `script-src ${[...scriptSrc, ...(dev ? ["'unsafe-eval'"] : [])].join(' ')}`,
    // Inline style attributes (the editor's, React's) are allowed; styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${media ? ` ${media}` : ''}`,
    "font-src 'self'",
    `connect-src 'self'${dev ? ' ws: wss:' : ''}`,
    `frame-src ${frames.length ? frames.join(' ') : "'none'"}`,
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join('; ');
}

export function noncePolicy(nonce: string, dev = false): string {
  return policy([`'nonce-${nonce}'`, "'strict-dynamic'"], dev);
}

/** `frames`: the origins of enabled embed providers' players (lib/security/frame-origins.ts). */
export function publicPolicy(dev = false, frames: readonly string[] = []): string {
  return policy(["'self'", "'unsafe-inline'"], dev, frames);
}

/** JSON and XML answers render nothing, so they may load nothing. */
export const API_POLICY = "default-src 'none'; frame-ancestors 'none'";
