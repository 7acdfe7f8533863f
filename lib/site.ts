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
 * The public origin, without a trailing slash: MASTHEAD_SITE_URL, else AUTH_URL, else localhost.
 * Read from process.env directly (lib/env.ts validates these at start-up) because static pages
 * ask for it at build time, when the rest of the configuration is rightly absent.
 */
export function siteUrl(): string {
  const e = process.env;
  return (e.MASTHEAD_SITE_URL || e.AUTH_URL || `http://localhost:${e.PORT || 3000}`).replace(/\/+$/, '');
}

export function absoluteUrl(path: string): string {
  return new URL(path, `${siteUrl()}/`).toString();
}
