import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { RestoreButton } from '@/components/story/restore-button';
import { RevisionDiff } from '@/components/story/revision-diff';
import { requireViewer } from '@/lib/auth';
import { NotFoundError } from '@/lib/data/errors';
import { compareRevisions, listRevisions } from '@/lib/data/revisions';
import { getStoryForEdit } from '@/lib/data/stories';
import { listStoryActivity } from '@/lib/data/review-queue';
import { formatDateTime } from '@/lib/format';
import '../../editor.css';
import { actionWords, transitionWords } from '@/lib/audit-words';
import { DataTable } from '@/components/newsroom/data-table';

export const metadata: Metadata = { title: 'History' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> };

const KIND_LABELS = { AUTOSAVE: 'Autosave', MANUAL: 'Saved', WORKFLOW: 'Workflow', RESTORE: 'Restore', IMPORT: 'Imported' } as const;

export default async function HistoryPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const { from, to } = await searchParams;
  const story = await getStoryForEdit(viewer, id).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const [revisions, activity] = await Promise.all([listRevisions(viewer, id), listStoryActivity(viewer, id)]);
  // By default: the oldest revision against the newest.
  const fromId = typeof from === 'string' ? from : revisions.at(-1)?.id;
  const toId = typeof to === 'string' ? to : revisions[0]?.id;
  const diff = fromId && toId && fromId !== toId ? await compareRevisions(viewer, id, fromId, toId).catch(() => null) : null;

  return (
    <>
      <div className="page-head">
        <h1>History</h1>
        <Link href={`/newsroom/stories/${id}`}>← Back to “{story.headline}”</Link>
      </div>
      {/* The radios belong to the compare form through their form attribute, so that each row's
          restore form is not nested inside it. */}
      <div className="panel">
        <DataTable
          rows={revisions}
          rowKey={(r) => r.id}
          columns={[
            {
              header: 'From',
              cell: (r) => <input type="radio" form="compare" name="from" value={r.id} defaultChecked={r.id === fromId} aria-label={`Compare from ${formatDateTime(r.createdAt)}`} />,
            },
            {
              header: 'To',
              cell: (r) => <input type="radio" form="compare" name="to" value={r.id} defaultChecked={r.id === toId} aria-label={`Compare to ${formatDateTime(r.createdAt)}`} />,
            },
            { header: 'When', cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt)}</time> },
            { header: 'Who', cell: (r) => r.author },
            {
              header: 'Kind',
              cell: (r) => (
                <>
                  {KIND_LABELS[r.kind]}
                  {r.label && <span className="muted"> · {r.label}</span>}
                </>
              ),
            },
            { header: 'Headline', cell: (r) => r.headline },
            {
              header: 'Restore',
              hiddenHeader: true,
              cell: (r) => story.canEdit && r.id !== revisions[0]?.id && <RestoreButton storyId={id} revisionId={r.id} baseVersion={story.version} />,
            },
          ]}
        />
        <form id="compare" method="get" aria-label="Choose two versions to compare" className="compare-form">
          <button type="submit" className="btn">
            Compare
          </button>
        </form>
      </div>
      <section className="panel" aria-labelledby="activity-heading">
        <h2 id="activity-heading">Activity</h2>
        <ol className="activity">
          {activity.map((event) => (
            <li key={event.id}>
              <time dateTime={event.at.toISOString()}>{formatDateTime(event.at)}</time> · <strong>{event.actor}</strong> {actionWords(event.action)}
              {transitionWords(event.fromState, event.toState) && <span className="muted"> ({transitionWords(event.fromState, event.toState)})</span>}
              {event.note && <blockquote className="activity-note">{event.note}</blockquote>}
            </li>
          ))}
        </ol>
      </section>
      {diff && (
        <section className="panel" aria-label="Differences">
          <h2>Differences</h2>
          <RevisionDiff diff={diff} />
        </section>
      )}
    </>
  );
}
