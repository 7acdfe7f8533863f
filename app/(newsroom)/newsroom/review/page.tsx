import type { Metadata } from 'next';
import Link from 'next/link';
import { HoldMarks } from '@/components/story/hold-marks';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { listReviewQueue } from '@/lib/data/review-queue';
import { formatDateTime, joinNames } from '@/lib/format';

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
      {queue.length === 0 ? (
        <p className="panel">Nothing is waiting for review.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Section</th>
              <th scope="col">Bylines</th>
              <th scope="col">Words</th>
              <th scope="col">Submitted</th>
              <th scope="col">Waiting</th>
            </tr>
          </thead>
          <tbody>
            {queue.map((item) => (
              <tr key={item.id}>
                <th scope="row">
                  <Link href={`/newsroom/stories/${item.id}`}>{item.headline}</Link>
                </th>
                <td>{item.section ?? '—'}</td>
                <td>{joinNames(item.bylines)}</td>
                <td className="num">{item.wordCount.toLocaleString('en')}</td>
                <td>
                  <time dateTime={item.submittedAt.toISOString()}>{formatDateTime(item.submittedAt)}</time>
                </td>
                <td>
                  {waiting(item.submittedAt)}
                  <HoldMarks legalHold={item.legalHold} embargoUntil={item.embargoUntil} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
