'use client';

import { useActionState } from 'react';
import { updateMediaTextAction } from '@/lib/actions/media';
import type { FormState } from '@/lib/validations/form';

type Props = { id: string; name: string; alt: string; caption: string; credit: string; readOnlyReason: string | null };

export function MediaTextForm({ id, name, alt, caption, credit, readOnlyReason }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateMediaTextAction, {});
  const errors = state.fieldErrors ?? {};
  // The server refuses the edit anyway; the form says so before anyone types.
  const readOnly = readOnlyReason !== null;
  return (
    <form action={action} className="media-text" aria-label={`Details of ${name}`}>
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`alt-${id}`}>Alt text</label>
      <textarea id={`alt-${id}`} name="altText" rows={2} readOnly={readOnly} defaultValue={state.values?.altText ?? alt} aria-invalid={errors.altText ? true : undefined} />
      <label htmlFor={`caption-${id}`}>Caption</label>
      <input id={`caption-${id}`} name="caption" readOnly={readOnly} defaultValue={state.values?.caption ?? caption} />
      <label htmlFor={`credit-${id}`}>Credit</label>
      <input id={`credit-${id}`} name="credit" readOnly={readOnly} defaultValue={state.values?.credit ?? credit} />
      {!readOnly && (
        <button type="submit" className="btn btn-quiet" disabled={pending}>
          Save details
        </button>
      )}
      <p role="status" className="hint">
        {state.message ?? readOnlyReason ?? (alt ? '' : 'Needs alt text before it can be used.')}
      </p>
    </form>
  );
}
