import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/reading/site-chrome';
import './reading.css';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
