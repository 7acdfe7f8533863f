'use client';

import { useActionState } from 'react';
import { changeSlugAction } from '@/lib/actions/slug';
import { FieldError, FormActions, FormNotice } from '@/components/ui/form-notice';
import type { FormState } from '@/lib/validations/form';

// For a story that has been published: its slug is part of a public URL, so changing it is a
// deliberate editor's act, audited, and the old URL redirects.
export function SlugForm({ storyId, version, slug }: { storyId: string; version: number; slug: string }) {
  const [state, action, pending] = useActionState<FormState, FormData>(changeSlugAction, {});
  const error = state.fieldErrors?.slug;
  return (
    <form action={action} className="panel slug-form" aria-labelledby="slug-heading">
      <h2 id="slug-heading">Change the story’s address</h2>
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="baseVersion" value={version} />
      <div className="field">
        <label htmlFor="new-slug">New slug</label>
        <input id="new-slug" name="slug" defaultValue={state.values?.slug ?? slug} spellCheck={false} maxLength={100} aria-invalid={error ? true : undefined} aria-describedby="new-slug-hint" />
        <p id="new-slug-hint" className="hint">Links to the old address keep working: they redirect here.</p>
        <FieldError id="new-slug-error" errors={error} />
      </div>
      <FormActions pending={pending} label="Change slug" primary={false} />
      <FormNotice state={state} />
    </form>
  );
}
