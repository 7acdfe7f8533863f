import type { FormState } from '@/lib/validations/form';

/** The result of a form submission, announced to screen readers. */
export function FormNotice({ state }: { state: FormState }) {
  return (
    <p role="status" className={`notice ${state.ok ? 'notice-ok' : 'notice-error'}`}>
      {state.message ?? ''}
    </p>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p id={id} className="field-error">
      {errors.join(' ')}
    </p>
  );
}

/** A form's submit button in its row; disabled while the form is being sent. */
export function FormActions({ pending, label }: { pending: boolean; label: string }) {
  return (
    <div className="form-actions">
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {label}
      </button>
    </div>
  );
}
