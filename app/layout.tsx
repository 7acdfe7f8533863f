import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getSiteIdentity } from '@/lib/data/site-identity';
import { siteUrl } from '@/lib/site';
import './globals.css';

// Read at request time: the public address comes from the environment of the running server, the
// name and description from the site's settings.
export async function generateMetadata(): Promise<Metadata> {
  const site = await getSiteIdentity();
  return {
    metadataBase: new URL(`${siteUrl()}/`),
    title: { default: site.name, template: `%s · ${site.name}` },
    description: site.description,
    applicationName: site.name,
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
