'use client';

import { useActionState } from 'react';
import { changeRoleAction, setPersonActiveAction } from '@/lib/actions/people';
import type { FormState } from '@/lib/validations/form';
import { ResetLinkForm } from './reset-link-form';

type Props = { id: string; name: string; role: string; active: boolean; isSelf: boolean };

export function PersonRowActions({ id, name, role, active, isSelf }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(changeRoleAction, {});
  const [activeState, activeAction, activePending] = useActionState<FormState, FormData>(setPersonActiveAction, {});
  const message = [roleState, activeState].find((s) => s.message && !s.ok)?.message;

  if (isSelf) return <span className="muted">This is you</span>;
  return (
    <div className="inline-form">
      <form action={roleAction} className="inline-form">
        <input type="hidden" name="userId" value={id} />
        <label className="visually-hidden" htmlFor={`role-${id}`}>
          Role for {name}
        </label>
        <select id={`role-${id}`} name="role" defaultValue={role}>
          <option value="REPORTER">Reporter</option>
          <option value="EDITOR">Editor</option>
          <option value="ADMIN">Admin</option>
        </select>
        <button type="submit" className="btn btn-quiet" disabled={rolePending} aria-label={`Change role for ${name}`}>
          Change role
        </button>
      </form>
      <form action={activeAction} className="inline-form">
        <input type="hidden" name="userId" value={id} />
        <input type="hidden" name="active" value={active ? 'false' : 'true'} />
        <button
          type="submit"
          className={active ? 'btn btn-danger' : 'btn btn-quiet'}
          disabled={activePending}
          aria-label={`${active ? 'Deactivate' : 'Reactivate'} ${name}`}
        >
          {active ? 'Deactivate' : 'Reactivate'}
        </button>
      </form>
      {active && <ResetLinkForm id={id} name={name} />}
      {message && (
        <span role="alert" className="field-error">
          {message}
        </span>
      )}
    </div>
  );
}
