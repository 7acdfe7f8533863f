import { formatDateTime } from '@/lib/format';

// The small marks of a wire item: urgency, status, embargo, held for an editor.

const STATUS: Record<string, string> = { usable: 'Usable', withheld: 'Withheld', canceled: 'Killed' };

export function WireUrgency({ urgency }: { urgency: number | null }) {
  if (urgency === null) return <span className="muted">—</span>;
  return (
    <span className={`wire-urgency wire-urgency-${urgency <= 2 ? 'high' : urgency <= 4 ? 'mid' : 'low'}`} aria-label={`Urgency ${urgency}${urgency === 1 ? ', flash' : ''}`}>
      {urgency}
    </span>
  );
}

export function WireStatus({ status, embargoUntil, held }: { status: string; embargoUntil: Date | null; held: boolean }) {
  return (
    <>
      <span className={`wire-status wire-status-${status}`}>{STATUS[status] ?? status}</span>
      {embargoUntil && embargoUntil > new Date() && (
        <span className="hold-mark hold-mark-embargo">
          Embargoed until <time dateTime={embargoUntil.toISOString()}>{formatDateTime(embargoUntil)}</time>
        </span>
      )}
      {held && <span className="hold-mark hold-mark-legal">Needs an editor</span>}
    </>
  );
}

/** The time to show for a version: the agency's, or when it arrived if the agency gave none. */
export function wireTime(item: { versionCreated: Date; receivedAt: Date }): Date {
  return item.versionCreated.getTime() === 0 ? item.receivedAt : item.versionCreated;
}
