import type { ReactNode } from 'react';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { requireViewer } from '@/lib/auth';
import './newsroom.css';

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  return (
    <div className="desk">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NewsroomHeader viewer={viewer} />
      <main id="main" className="desk-main">
        {children}
      </main>
    </div>
  );
}
