'use client';

import { useState, useTransition } from 'react';
import { cancelFrontScheduleAction, restoreFrontAction } from '@/lib/actions/front';
import type { FrontVersionRow } from '@/lib/data/front';

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
    <table className="grid">
      <thead>
        <tr>
          <th scope="col">Version</th>
          <th scope="col">When</th>
          <th scope="col">By</th>
          <th scope="col">Lead story</th>
          <th scope="col">Note</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.id}>
            <th scope="row">{row.number}</th>
            <td>{row.when}</td>
            <td>{row.by}</td>
            <td>{row.lead ?? <span className="muted">Newest story</span>}</td>
            <td>{row.note}</td>
            <td>{button(row, i)}</td>
          </tr>
        ))}
      </tbody>
    </table>
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
