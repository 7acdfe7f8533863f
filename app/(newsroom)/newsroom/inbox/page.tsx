import type { Metadata } from 'next';
import { InboxList } from '@/components/newsroom/inbox-list';
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
        <p className="panel">Nothing here yet. Submissions, reviews and publications of your stories show up here, and urgent wire items for editors.</p>
      ) : (
        <InboxList items={items.map((i) => ({ id: i.id, text: i.text, href: i.storyId ? `/newsroom/stories/${i.storyId}` : i.kind === 'wireFlash' ? '/newsroom/wires?urgency=1' : null, iso: i.createdAt.toISOString(), when: formatDateTime(i.createdAt), read: i.read }))} />
      )}
    </>
  );
}
