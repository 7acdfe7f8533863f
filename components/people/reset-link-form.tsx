'use client';

import { useActionState } from 'react';
import { issueResetLinkAction } from '@/lib/actions/people';
import type { FormState } from '@/lib/validations/form';

type State = FormState & { url?: string };

/** Issues a one-time password link and shows it once, ready to copy. */
export function ResetLinkForm({ id, name }: { id: string; name: string }) {
  const [state, action, pending] = useActionState<State, FormData>(issueResetLinkAction, {});
  return (
    <form action={action} className="inline-form reset-link">
      <input type="hidden" name="userId" value={id} />
      <button type="submit" className="btn btn-quiet" disabled={pending} aria-label={`Reset link for ${name}`}>
        Reset link
      </button>
      {state.url && (
        <span className="reset-link-result">
          <label htmlFor={`reset-${id}`} className="visually-hidden">
            One-time password link for {name}
          </label>
          <input id={`reset-${id}`} readOnly value={state.url} onFocus={(e) => e.currentTarget.select()} size={28} />
          <span className="muted">{state.message}</span>
        </span>
      )}
      {state.message && !state.ok && (
        <span role="alert" className="field-error">
          {state.message}
        </span>
      )}
    </form>
  );
}
