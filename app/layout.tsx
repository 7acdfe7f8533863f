import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { SITE, siteUrl } from '@/lib/site';
import './globals.css';

// Read at request time: the public address comes from the environment of the running server.
export function generateMetadata(): Metadata {
  return {
    metadataBase: new URL(`${siteUrl()}/`),
    title: { default: SITE.name, template: `%s · ${SITE.name}` },
    description: SITE.description,
  };
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
