'use client';

import { useActionState } from 'react';
import { addCorrectionAction } from '@/lib/actions/corrections';
import { FieldError, FormActions, FormNotice } from '@/components/ui/form-notice';
import type { FormState } from '@/lib/validations/form';

export function CorrectionForm({ storyId }: { storyId: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(addCorrectionAction, {});
  const errors = state.fieldErrors ?? {};
  return (
    <form action={action} className="panel correction-form" aria-labelledby="correction-heading" key={state.ok ? state.message : 'form'}>
      <h2 id="correction-heading">Add a correction</h2>
      <input type="hidden" name="storyId" value={storyId} />
      <div className="field">
        <label htmlFor="correction-kind">Type</label>
        <select id="correction-kind" name="kind" defaultValue={state.values?.kind ?? 'CORRECTION'}>
          <option value="CORRECTION">Correction</option>
          <option value="CLARIFICATION">Clarification</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="correction-text">Public text</label>
        <textarea id="correction-text" name="text" rows={3} defaultValue={state.values?.text} aria-invalid={errors.text ? true : undefined} />
        <FieldError id="correction-text-error" errors={errors.text} />
      </div>
      <FormActions pending={pending} label="Add correction" primary={false} />
      <FormNotice state={state} />
    </form>
  );
}
