'use client';

import { useActionState } from 'react';
import { FieldError, FormNotice } from '@/components/ui/form-notice';
import { createPersonAction } from '@/lib/actions/people';
import type { FormState } from '@/lib/validations/form';

const ROLE_OPTIONS = [
  ['REPORTER', 'Reporter'],
  ['EDITOR', 'Editor'],
  ['ADMIN', 'Admin'],
] as const;

export function CreatePersonForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createPersonAction, {});
  const errors = state.fieldErrors ?? {};
  // After a success the form starts empty; after a refusal it keeps what was typed.
  const values = state.ok ? {} : (state.values ?? {});
  const field = (name: string) => ({
    id: `person-${name}`,
    name,
    'aria-invalid': errors[name] ? true : undefined,
    'aria-describedby': errors[name] ? `person-${name}-error` : undefined,
  });

  return (
    <form action={action} className="panel" aria-labelledby="create-person-heading" key={state.ok ? state.message : 'form'}>
      <h2 id="create-person-heading">Add a person</h2>
      <div className="form-row">
        <div className="field">
          <label htmlFor="person-name">Name</label>
          <input {...field('name')} defaultValue={values.name} autoComplete="off" required maxLength={120} />
          <FieldError id="person-name-error" errors={errors.name} />
        </div>
        <div className="field">
          <label htmlFor="person-email">Email</label>
          <input {...field('email')} type="email" defaultValue={values.email} autoComplete="off" required />
          <FieldError id="person-email-error" errors={errors.email} />
        </div>
        <div className="field">
          <label htmlFor="person-role">Role</label>
          <select {...field('role')} defaultValue={values.role ?? 'REPORTER'}>
            {ROLE_OPTIONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError id="person-role-error" errors={errors.role} />
        </div>
        <div className="field">
          <label htmlFor="person-password">Initial password</label>
          <input {...field('password')} type="password" autoComplete="new-password" required minLength={12} />
          <FieldError id="person-password-error" errors={errors.password} />
        </div>
        <button type="submit" className="btn" disabled={pending}>
          Add person
        </button>
      </div>
      <FormNotice state={state} />
    </form>
  );
}
