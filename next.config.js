/** @type {import('next').NextConfig} */

// Headers every response carries; none of them needs per-request state.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

const nextConfig = {
  // Native modules and the database driver stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', '@prisma/adapter-pg', 'pg', 'sharp'],
  poweredByHeader: false,
  async headers() {
    return [
      { source: '/:path*', headers: securityHeaders },
      // Reading pages: a CDN may keep them a minute and serve a stale copy for ten while it
      // refetches. The origin's own cache is invalidated by tag the moment a story changes.
      // Newsroom, login, previews and the desk API stay private (Next marks them no-store).
      {
        source: '/((?!newsroom|api|login|preview|_next|media).*)',
        headers: [{ key: 'Cache-Control', value: 'public, max-age=0, s-maxage=60, stale-while-revalidate=600' }],
      },
    ];
  },
};

module.exports = nextConfig;
