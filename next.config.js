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
    return [{ source: '/:path*', headers: securityHeaders }];
  },
};

module.exports = nextConfig;
