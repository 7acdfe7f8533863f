/** @type {import('next').NextConfig} */

// Headers every response carries; none of them needs per-request state.
const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), interest-cohort=()' },
];

// Every ProseMirror package installed (Tiptap's and the suggestion library's depend on them).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const { readdirSync } = require('node:fs');
const prosemirrorPackages = readdirSync(`${__dirname}/node_modules`).filter((name) => name.startsWith('prosemirror-'));

const nextConfig = {
  // Native modules and the database driver stay outside the server bundle, and so do Yjs, the
  // collaboration server and ProseMirror: one copy of each per process, shared by the bundle and
  // Hocuspocus (two copies of Yjs or of prosemirror-model cannot read each other's documents).
  serverExternalPackages: [
    '@node-rs/argon2', '@prisma/adapter-pg', 'pg', 'pino', 'sharp',
    'yjs', 'y-protocols', 'lib0', '@hocuspocus/server', '@hocuspocus/common', 'ws', '@tiptap/y-tiptap',
    '@tiptap/pm', ...prosemirrorPackages,
  ],
  poweredByHeader: false,
  // Cached reading pages (ISR) stay in memory, least recently used first out: a flood of made-up
  // addresses (each a cached 404) cannot fill the disk, and an instance that restarts never serves
  // pages that changed while it was down. The cache front holds the long tail.
  cacheMaxMemorySize: 256 * 1024 * 1024,
  experimental: { isrFlushToDisk: false },
  // Reading pages without a parameter are rendered at internal addresses with one, so that they
  // are cached on their first request rather than prerendered by a build that has no database
  // (app/(public)/cached); older pages of a list read their cursor per request (app/(public)/older).
  // The server answers 404 to a client that asks for an internal address itself.
  async rewrites() {
    const cursor = [{ type: 'query', key: 'cursor' }];
    return {
      beforeFiles: [
        { source: '/', destination: '/cached/front' },
        { source: '/corrections', destination: '/cached/corrections' },
        { source: '/:file(feed\\.xml|sitemap\\.xml|news-sitemap\\.xml)', destination: '/cached/files/:file' },
        { source: '/sitemaps/pages.xml', destination: '/cached/files/sitemap-pages.xml' },
        { source: '/tags/:slug', has: cursor, destination: '/older/tag/:slug' },
        { source: '/authors/:slug', has: cursor, destination: '/older/author/:slug' },
        { source: '/:slug((?!newsroom$|login$|search$|preview$|api$|media$|_next$|tags$|authors$|sitemaps$)[^/.]+)', has: cursor, destination: '/older/section/:slug' },
      ],
    };
  },
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
