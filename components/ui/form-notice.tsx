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
export function FormActions({ pending, label, primary = true }: { pending: boolean; label: string; primary?: boolean }) {
  return (
    <div className="form-actions">
      <button type="submit" className={primary ? 'btn btn-primary' : 'btn'} disabled={pending}>
        {label}
      </button>
    </div>
  );
}
