'use client';

import { useState, useTransition } from 'react';
import { cancelFrontScheduleAction, restoreFrontAction } from '@/lib/actions/front';
import type { FrontVersionRow } from '@/lib/data/front';
import { DataTable } from '@/components/newsroom/data-table';

/** Scheduled versions (with Cancel) and the published history (with Restore). */
export function FrontVersions({ scheduled, history }: { scheduled: FrontVersionRow[]; history: FrontVersionRow[] }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, start] = useTransition();
  const act = (work: () => Promise<{ ok: boolean; message?: string }>, done: string) =>
    start(async () => {
      const result = await work();
      setMessage(result.ok ? { ok: true, text: done } : { ok: false, text: result.message ?? 'That did not work.' });
    });

  const table = (rows: FrontVersionRow[], button: (row: FrontVersionRow, i: number) => React.ReactNode) => (
    <DataTable
      rows={rows}
      rowKey={(row) => row.id}
      columns={[
        { header: 'Version', names: true, cell: (row) => row.number },
        { header: 'When', cell: (row) => row.when },
        { header: 'By', cell: (row) => row.by },
        { header: 'Lead story', cell: (row) => row.lead ?? <span className="muted">Newest story</span> },
        { header: 'Note', cell: (row) => row.note },
        { header: 'Actions', hiddenHeader: true, cell: (row, i) => button(row, i) },
      ]}
    />
  );

  return (
    <>
      {scheduled.length > 0 && (
        <section aria-labelledby="front-scheduled" className="panel">
          <h2 id="front-scheduled">Scheduled</h2>
          {table(scheduled, (row) => (
            <button type="button" className="btn btn-small" disabled={busy} onClick={() => act(() => cancelFrontScheduleAction({ versionId: row.id }), `Version ${row.number} will not be published.`)}>
              Cancel version {row.number}
            </button>
          ))}
        </section>
      )}
      <section aria-labelledby="front-history" className="panel">
        <h2 id="front-history">History</h2>
        {history.length === 0 ? (
          <p className="muted">No arrangement has been published yet.</p>
        ) : (
          table(history, (row, i) =>
            i === 0 ? (
              <span className="status status-published">Live</span>
            ) : (
              <button type="button" className="btn btn-small" disabled={busy} onClick={() => act(() => restoreFrontAction({ versionId: row.id }), `Version ${row.number} is live again, as a new version.`)}>
                Restore version {row.number}
              </button>
            ),
          )
        )}
        {message && (
          <p role="alert" className={message.ok ? 'notice notice-ok' : 'notice notice-error'}>
            {message.text}
          </p>
        )}
      </section>
    </>
  );
}
