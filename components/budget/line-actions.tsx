'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { cancelBudgetLineAction, startStoryAction } from '@/lib/actions/budget';

/** Start story (and, for editors, Cancel) on a budget line without a story yet. */
export function LineActions({ lineId, slugline, canStart, canCancel }: { lineId: string; slugline: string; canStart: boolean; canCancel: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <span className="line-actions">
      {canStart && (
        <button
          type="button"
          className="btn btn-small"
          disabled={pending}
          aria-label={`Start story: ${slugline}`}
          onClick={() =>
            start(async () => {
              const result = await startStoryAction({ lineId });
              if (result.ok) router.push(`/newsroom/stories/${result.storyId}`);
              else setMessage(result.message);
            })
          }
        >
          Start story
        </button>
      )}
      {canCancel && (
        <button type="button" className="btn btn-small btn-quiet" disabled={pending} aria-label={`Cancel ${slugline}`} onClick={() => start(async () => {
          const result = await cancelBudgetLineAction({ lineId });
          if (!result.ok) setMessage(result.message);
        })}>
          Cancel
        </button>
      )}
      {message && (
        <span role="alert" className="field-error">
          {message}
        </span>
      )}
    </span>
  );
}
