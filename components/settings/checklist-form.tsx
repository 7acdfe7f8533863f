'use client';

import { useActionState } from 'react';
import { FormActions, FormNotice } from '@/components/ui/form-notice';
import { setChecklistAction } from '@/lib/actions/settings';
import { CHECK_ITEMS, CHECK_LABELS, requiredFor, type ChecklistSettings } from '@/lib/copydesk/checklist';
import type { FormState } from '@/lib/validations/form';

/** Which checklist items each section requires before Publish and Schedule. */
export function ChecklistForm({ settings, sections }: { settings: ChecklistSettings; sections: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setChecklistAction, {});
  const columns = [{ slug: 'default', name: 'Any section' }, ...sections];
  return (
    <form action={action} className="panel" aria-labelledby="checklist-heading">
      <h2 id="checklist-heading">Pre-publish checklist</h2>
      <p className="muted">Every item is shown beside Publish and Schedule; a required item that is not done blocks both. A section with nothing ticked uses “Any section”.</p>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Item</th>
            {columns.map((c) => (
              <th scope="col" key={c.slug}>
                {c.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {CHECK_ITEMS.map((item) => (
            <tr key={item}>
              <th scope="row">{CHECK_LABELS[item]}</th>
              {columns.map((c) => (
                <td key={c.slug}>
                  <input
                    type="checkbox"
                    name={`${c.slug}.${item}`}
                    aria-label={`${CHECK_LABELS[item]} required in ${c.name}`}
                    defaultChecked={c.slug === 'default' ? requiredFor(settings, null).includes(item) : (settings[c.slug]?.includes(item) ?? false)}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <FormActions pending={pending} label="Save checklist" />
      <FormNotice state={state} />
    </form>
  );
}
