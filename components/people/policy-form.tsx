'use client';

import { useActionState } from 'react';
import { FormNotice } from '@/components/ui/form-notice';
import { setPolicyAction } from '@/lib/actions/settings';
import type { FormState } from '@/lib/validations/form';

export function PolicyForm({ editorMayApproveOwnStory }: { editorMayApproveOwnStory: boolean }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setPolicyAction, {});
  return (
    <form action={action} className="panel settings-form" aria-labelledby="policy-heading">
      <h2 id="policy-heading">Newsroom settings</h2>
      <label className="check">
        <input type="checkbox" name="editorMayApproveOwnStory" defaultChecked={editorMayApproveOwnStory} /> Editors may approve stories they are a byline on
      </label>
      <button type="submit" className="btn btn-quiet" disabled={pending}>
        Save settings
      </button>
      <FormNotice state={state} />
    </form>
  );
}
