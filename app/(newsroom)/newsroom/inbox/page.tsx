import type { Metadata } from 'next';
import Link from 'next/link';
import { requireViewer } from '@/lib/auth';
import { openInbox } from '@/lib/data/notifications';
import { formatDateTime } from '@/lib/format';

export const metadata: Metadata = { title: 'Inbox' };

export default async function InboxPage() {
  const viewer = await requireViewer();
  const items = await openInbox(viewer);
  return (
    <>
      <div className="page-head">
        <h1>Inbox</h1>
      </div>
      {items.length === 0 ? (
        <p className="panel">Nothing here yet. Submissions, reviews and publications of your stories show up here.</p>
      ) : (
        <ul className="inbox">
          {items.map((item) => (
            <li key={item.id} className={item.read ? undefined : 'new'}>
              {item.storyId ? <Link href={`/newsroom/stories/${item.storyId}`}>{item.text}</Link> : item.text}
              <div className="muted">
                <time dateTime={item.createdAt.toISOString()}>{formatDateTime(item.createdAt)}</time>
                {!item.read && ' · new'}
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
