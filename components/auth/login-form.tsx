'use client';

import { useActionState } from 'react';
import { signInAction } from '@/lib/actions/auth';
import type { FormState } from '@/lib/validations/form';

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(signInAction, {});
  return (
    <form action={action} className="login-form" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <div className="field">
        <label htmlFor="email">Email</label>
        <input id="email" name="email" type="email" autoComplete="username" defaultValue={state.values?.email} required />
      </div>
      <div className="field">
        <label htmlFor="password">Password</label>
        <input id="password" name="password" type="password" autoComplete="current-password" required />
      </div>
      {state.message && (
        <p role="alert" className="login-error">
          {state.message}
        </p>
      )}
      <button type="submit" className="btn" disabled={pending}>
        Sign in
      </button>
    </form>
  );
}
