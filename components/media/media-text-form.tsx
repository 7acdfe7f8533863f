'use client';

import { useActionState } from 'react';
import { updateMediaTextAction } from '@/lib/actions/media';
import type { FormState } from '@/lib/validations/form';

type Props = { id: string; name: string; alt: string; caption: string; credit: string };

export function MediaTextForm({ id, name, alt, caption, credit }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(updateMediaTextAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="media-text" aria-label={`Details of ${name}`}>
      <input type="hidden" name="id" value={id} />
      <label htmlFor={`alt-${id}`}>Alt text</label>
      <textarea id={`alt-${id}`} name="altText" rows={2} defaultValue={state.values?.altText ?? alt} aria-invalid={errors.altText ? true : undefined} />
      <label htmlFor={`caption-${id}`}>Caption</label>
      <input id={`caption-${id}`} name="caption" defaultValue={state.values?.caption ?? caption} />
      <label htmlFor={`credit-${id}`}>Credit</label>
      <input id={`credit-${id}`} name="credit" defaultValue={state.values?.credit ?? credit} />
      <button type="submit" className="btn btn-quiet" disabled={pending}>
        Save details
      </button>
      <p role="status" className="hint">
        {state.message ?? (alt ? '' : 'Needs alt text before it can be used.')}
      </p>
    </form>
  );
}
