import type { ReactNode } from 'react';
import { SiteChrome } from '@/components/reading/site-chrome';
import './reading.css';

// Nothing here reads the request: article pages are cached whole (ISR), and every other reading
// page opts into per-request rendering itself (its query string, or connection()).
export default function PublicLayout({ children }: { children: ReactNode }) {
  return <SiteChrome>{children}</SiteChrome>;
}
