import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site';

// Read at request time so the sitemap addresses follow MASTHEAD_SITE_URL of the running server.
export const dynamic = 'force-dynamic';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [{ userAgent: '*', allow: '/', disallow: ['/newsroom', '/login', '/preview/', '/api/desk/', '/search'] }],
    sitemap: [absoluteUrl('/sitemap.xml'), absoluteUrl('/news-sitemap.xml')],
  };
}
