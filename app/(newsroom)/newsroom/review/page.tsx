import type { Metadata } from 'next';
import Link from 'next/link';
import { HoldMarks } from '@/components/story/hold-marks';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { listReviewQueue } from '@/lib/data/review-queue';
import { formatDateTime, joinNames } from '@/lib/format';
import { DataTable } from '@/components/newsroom/data-table';

export const metadata: Metadata = { title: 'Review queue' };

function waiting(since: Date): string {
  const minutes = Math.max(0, Math.round((Date.now() - since.getTime()) / 60000));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `${hours} h ${minutes % 60} min` : `${Math.floor(hours / 24)} days`;
}

export default async function ReviewQueuePage() {
  const viewer = await requireViewer();
  const queue = await listReviewQueue(viewer).catch((error) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!queue) {
    return <NotAvailable reason="The review queue is for editors." />;
  }
  return (
    <>
      <div className="page-head">
        <h1>Review queue</h1>
        <p className="muted">{queue.length === 1 ? '1 story waiting' : `${queue.length} stories waiting`}, oldest first</p>
      </div>
      <DataTable
        rows={queue}
        rowKey={(item) => item.id}
        empty="Nothing is waiting for review."
        columns={[
          { header: 'Headline', names: true, cell: (item) => <Link href={`/newsroom/stories/${item.id}`}>{item.headline}</Link> },
          { header: 'Section', cell: (item) => item.section ?? '—' },
          { header: 'Bylines', cell: (item) => joinNames(item.bylines) },
          { header: 'Words', numeric: true, cell: (item) => item.wordCount.toLocaleString('en') },
          { header: 'Submitted', cell: (item) => <time dateTime={item.submittedAt.toISOString()}>{formatDateTime(item.submittedAt)}</time> },
          {
            header: 'Waiting',
            cell: (item) => (
              <>
                {waiting(item.submittedAt)}
                <HoldMarks legalHold={item.legalHold} embargoUntil={item.embargoUntil} />
              </>
            ),
          },
        ]}
      />
    </>
  );
}
