'use client';

import { useActionState } from 'react';
import { FieldError, FormActions, FormNotice } from '@/components/ui/form-notice';
import { setSiteIdentityAction } from '@/lib/actions/settings';
import type { SiteIdentity } from '@/lib/data/site-identity';
import type { FormState } from '@/lib/validations/form';

const FIELDS = [
  { name: 'name', label: 'Site name', hint: 'The masthead, page titles, feeds and the news sitemap.', max: 80 },
  { name: 'tagline', label: 'Tagline', hint: 'Under the name in the footer.', max: 120 },
  { name: 'description', label: 'Description', hint: 'What search engines and feed readers show for the home page.', max: 300 },
] as const;

export function SiteIdentityForm({ identity }: { identity: SiteIdentity }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setSiteIdentityAction, {});
  return (
    <form action={action} className="panel account-form" aria-labelledby="site-heading">
      <h2 id="site-heading">Site identity</h2>
      {FIELDS.map((f) => {
        const errors = state.fieldErrors?.[f.name];
        const value = state.values?.[f.name] ?? identity[f.name];
        return (
          <div className="field" key={f.name}>
            <label htmlFor={`site-${f.name}`}>{f.label}</label>
            {f.name === 'description' ? (
              <textarea id={`site-${f.name}`} name={f.name} defaultValue={value} maxLength={f.max} rows={3} required aria-invalid={errors ? true : undefined} aria-describedby={`site-${f.name}-hint${errors ? ` site-${f.name}-error` : ''}`} />
            ) : (
              <input id={`site-${f.name}`} name={f.name} defaultValue={value} maxLength={f.max} required aria-invalid={errors ? true : undefined} aria-describedby={`site-${f.name}-hint${errors ? ` site-${f.name}-error` : ''}`} />
            )}
            <p id={`site-${f.name}-hint`} className="hint">
              {f.hint}
            </p>
            <FieldError id={`site-${f.name}-error`} errors={errors} />
          </div>
        );
      })}
      <FormActions pending={pending} label="Save site identity" />
      <FormNotice state={state} />
    </form>
  );
}
