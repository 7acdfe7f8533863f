import { formatDateTime } from '@/lib/format';

/** A story's legal hold and embargo as marks beside its status, wherever the newsroom lists it. */
export function HoldMarks({ legalHold, embargoUntil }: { legalHold: boolean; embargoUntil: Date | null }) {
  return (
    <>
      {legalHold && <span className="status hold-mark hold-mark-legal">Legal hold</span>}
      {embargoUntil && (
        <span className="status hold-mark hold-mark-embargo">
          Embargo until <time dateTime={embargoUntil.toISOString()}>{formatDateTime(embargoUntil)}</time>
        </span>
      )}
    </>
  );
}
