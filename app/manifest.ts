import type { MetadataRoute } from 'next';
import { getSiteIdentity } from '@/lib/data/site-identity';

// The web app manifest: the publication's name as an admin set it, so rendered per request (the
// build has no database); the cache front keeps it until the name changes.
export const dynamic = 'force-dynamic';

export default async function manifest(): Promise<MetadataRoute.Manifest> {
  const site = await getSiteIdentity();
  return {
    name: site.name,
    short_name: site.name.length <= 12 ? site.name : site.name.slice(0, 12).trim(),
    description: site.description,
    start_url: '/',
    display: 'browser',
    background_color: '#fbfaf7',
    theme_color: '#16181d',
    icons: [
      { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: '/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  };
}
