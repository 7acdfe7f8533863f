/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native modules and the generated Prisma client stay outside the server bundle.
  serverExternalPackages: ['@node-rs/argon2', '@prisma/adapter-pg', 'pg'],
  poweredByHeader: false,
  typedRoutes: false,
};

module.exports = nextConfig;
