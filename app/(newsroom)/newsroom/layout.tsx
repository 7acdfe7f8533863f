import type { ReactNode } from 'react';
import { NewsroomHeader } from '@/components/newsroom/newsroom-header';
import { requireViewer } from '@/lib/auth';
import { countUnread } from '@/lib/data/notifications';
import './newsroom.css';

export default async function NewsroomLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const unread = await countUnread(viewer);
  return (
    <div className="desk">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <NewsroomHeader viewer={viewer} unread={unread} />
      <main id="main" className="desk-main">
        {children}
      </main>
    </div>
  );
}
