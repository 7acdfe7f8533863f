import type { ChangeRequest } from '@/lib/data/change-requests';
import { formatDateTime } from '@/lib/format';

/** At the top of a story waiting for changes: what the editor asked for, who asked, and when. */
export function ChangesRequested({ request }: { request: ChangeRequest }) {
  return (
    <section className="panel changes-requested" aria-labelledby="changes-requested-heading">
      <h2 id="changes-requested-heading">Changes requested</h2>
      <blockquote className="changes-requested-note">{request.note}</blockquote>
      <p className="muted">
        {request.editor}, <time dateTime={request.at.toISOString()}>{formatDateTime(request.at)}</time>. Submit the story again when it is ready.
      </p>
    </section>
  );
}

/** On the desk list: a mark beside the status, whose accessible description is the editor's note. */
export function ChangesRequestedMark({ storyId, request }: { storyId: string; request: ChangeRequest }) {
  const id = `change-request-${storyId}`;
  return (
    <>
      <span className="change-request-mark" role="img" aria-label="Note from the editor" aria-describedby={id} title={`${request.editor}: ${request.note}`}>
        <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
          <path d="M2 2.5A1.5 1.5 0 0 1 3.5 1h9A1.5 1.5 0 0 1 14 2.5v7a1.5 1.5 0 0 1-1.5 1.5H7l-3.2 2.7c-.5.4-1.3 0-1.3-.6V11h0A1.5 1.5 0 0 1 2 9.5z" fill="currentColor" />
        </svg>
      </span>
      <span id={id} hidden>
        {request.editor}: {request.note}
      </span>
    </>
  );
}
