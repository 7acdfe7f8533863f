'use client';

import { useActionState } from 'react';
import { restoreRevisionAction } from '@/lib/actions/revisions';
import type { FormState } from '@/lib/validations/form';

type Props = { storyId: string; revisionId: string; baseVersion: number };

export function RestoreButton({ storyId, revisionId, baseVersion }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(restoreRevisionAction, {});
  return (
    <form action={action} className="inline-form">
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="revisionId" value={revisionId} />
      <input type="hidden" name="baseVersion" value={baseVersion} />
      <button type="submit" className="btn btn-quiet" disabled={pending}>
        Restore this version
      </button>
      {state.message && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </form>
  );
}
