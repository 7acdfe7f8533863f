import 'server-only';

// The publication's identity, as readers, search engines and feed readers see it.
export const SITE = {
  name: 'Masthead',
  tagline: 'Independent journalism',
  description: 'Reporting on politics, the world, business and opinion, corrected in the open.',
  language: 'en',
  logoPath: '/logo.png',
  logoSize: { width: 600, height: 60 },
} as const;

/**
 * The public origin, without a trailing slash: MASTHEAD_SITE_URL, else AUTH_URL. Development falls
 * back to localhost; a production server refuses to start without one (lib/env.ts), and if code
 * still gets here without it, it fails loudly rather than publish localhost links. Read from
 * process.env directly because `next build` may ask for it, when the configuration is rightly absent.
 */
export function siteUrl(): string {
  const e = process.env;
  const configured = e.MASTHEAD_SITE_URL || e.AUTH_URL;
  if (configured) return configured.replace(/\/+$/, '');
  if (e.NODE_ENV === 'production' && e.NEXT_PHASE !== 'phase-production-build') {
    throw new Error('MASTHEAD_SITE_URL is not set: the public address of the site is required in production.');
  }
  return `http://localhost:${e.PORT || 3000}`;
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteUrl()}/`).toString();
}

/** The newsroom's own origin (AUTH_URL when it runs on a host of its own), for links to it. */
export function newsroomUrl(path: string): string {
  const base = (process.env.AUTH_URL || siteUrl()).replace(/\/+$/, '');
  return new URL(path, `${base}/`).toString();
}
