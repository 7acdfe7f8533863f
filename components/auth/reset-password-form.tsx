'use client';

import { useActionState } from 'react';
import { FieldError } from '@/components/ui/form-notice';
import { resetPasswordAction } from '@/lib/actions/account';
import type { FormState } from '@/lib/validations/form';

export function ResetPasswordForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(resetPasswordAction, {});
  const errors = state.fieldErrors?.newPassword;
  return (
    <form action={action} className="login-form" noValidate>
      <input type="hidden" name="token" value={token} />
      <div className="field">
        <label htmlFor="newPassword">New password</label>
        <input
          id="newPassword"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={errors ? true : undefined}
          aria-describedby="reset-rule"
        />
        <span id="reset-rule" className="login-hint">
          At least 12 characters, and not a common password.
        </span>
        <FieldError id="reset-error" errors={errors} />
      </div>
      {state.message && !errors && (
        <p role="alert" className="login-error">
          {state.message}
        </p>
      )}
      <button type="submit" className="btn" disabled={pending}>
        Set password
      </button>
    </form>
  );
}
