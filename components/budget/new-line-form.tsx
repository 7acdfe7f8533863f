'use client';

import { useActionState } from 'react';
import { FieldError, FormActions, FormNotice } from '@/components/ui/form-notice';
import { createBudgetLineAction } from '@/lib/actions/budget';
import type { FormState } from '@/lib/validations/form';

type Props = { sections: { id: string; name: string }[]; people: { id: string; name: string }[]; defaultDue: string; timeZone: string };

/** New budget line: a story planned before any of it is written. */
export function NewLineForm({ sections, people, defaultDue, timeZone }: Props) {
  const [state, action, pending] = useActionState<FormState, FormData>(createBudgetLineAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  const err = state.fieldErrors ?? {};
  const invalid = (name: string) => (err[name] ? { 'aria-invalid': true as const, 'aria-describedby': `budget-${name}-error` } : {});
  return (
    <details className="panel budget-new" open={!!state.message && !state.ok}>
      <summary>New budget line</summary>
      <form action={action} key={state.ok ? state.message : 'form'}>
        <div className="form-row">
          <div className="field">
            <label htmlFor="budget-slugline">Slugline</label>
            <input id="budget-slugline" name="slugline" required maxLength={60} defaultValue={v.slugline} placeholder="e.g. PORT-STRIKE" {...invalid('slugline')} />
            <FieldError id="budget-slugline-error" errors={err.slugline} />
          </div>
          <div className="field">
            <label htmlFor="budget-section">Section</label>
            <select id="budget-section" name="sectionId" defaultValue={v.sectionId ?? ''} {...invalid('sectionId')}>
              <option value="">None yet</option>
              {sections.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="budget-assignee">Assignee</label>
            <select id="budget-assignee" name="assigneeId" defaultValue={v.assigneeId ?? ''} {...invalid('assigneeId')}>
              <option value="">Nobody yet</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="budget-due">Due ({timeZone})</label>
            <input id="budget-due" name="dueAt" type="datetime-local" required defaultValue={v.dueAt ?? defaultDue} {...invalid('dueAt')} />
            <FieldError id="budget-dueAt-error" errors={err.dueAt} />
          </div>
          <div className="field">
            <label htmlFor="budget-words">Planned length (words)</label>
            <input id="budget-words" name="plannedWords" type="number" min={0} max={20000} step={50} defaultValue={v.plannedWords ?? '600'} {...invalid('plannedWords')} />
            <FieldError id="budget-plannedWords-error" errors={err.plannedWords} />
          </div>
        </div>
        <div className="field">
          <label htmlFor="budget-summary">Summary</label>
          <textarea id="budget-summary" name="summary" rows={2} maxLength={500} defaultValue={v.summary} />
        </div>
        <FormActions pending={pending} label="Add to budget" />
      </form>
      <FormNotice state={state} />
    </details>
  );
}
