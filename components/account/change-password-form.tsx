'use client';

import { useActionState } from 'react';
import { FieldError, FormNotice } from '@/components/ui/form-notice';
import { changePasswordAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/validations/form';

export function ChangePasswordForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(changePasswordAction, {});
  const errors = state.fieldErrors ?? {};
  const field = (name: string) => ({
    id: `account-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': [errors[name] ? `account-${name}-error` : '', name === 'newPassword' ? 'account-password-rule' : ''].filter(Boolean).join(' ') || undefined,
  });
  return (
    <form action={action} className="panel account-form" aria-labelledby="password-heading" key={state.ok ? state.message : 'form'}>
      <h2 id="password-heading">Password</h2>
      <div className="field">
        <label htmlFor="account-currentPassword">Current password</label>
        <input {...field('currentPassword')} type="password" autoComplete="current-password" required />
        <FieldError id="account-currentPassword-error" errors={errors.currentPassword} />
      </div>
      <div className="field">
        <label htmlFor="account-newPassword">New password</label>
        <input {...field('newPassword')} type="password" autoComplete="new-password" minLength={12} required />
        <p id="account-password-rule" className="hint">
          At least 12 characters, and not a common password. A phrase of several unrelated words works well.
        </p>
        <FieldError id="account-newPassword-error" errors={errors.newPassword} />
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={pending}>
          Change password
        </button>
        <FormNotice state={state} />
      </div>
    </form>
  );
}
