'use client';

import { useActionState } from 'react';
import { FormActions, FormNotice } from '@/components/ui/form-notice';
import { setStyleSettingsAction } from '@/lib/actions/settings';
import { RULE_IDS, RULE_LABELS, type StyleSettings } from '@/lib/copydesk/types';
import type { FormState } from '@/lib/validations/form';

/** The copy desk's rules, lists and limits, as admins set them. */
export function StyleSettingsForm({ settings, sections }: { settings: StyleSettings; sections: { slug: string; name: string }[] }) {
  const [state, action, pending] = useActionState<FormState, FormData>(setStyleSettingsAction, {});
  return (
    <form action={action} className="style-settings">
      <fieldset className="panel">
        <legend>Rules</legend>
        <p className="muted">An error blocks Submit for review, Approve, Schedule and Publish until it is fixed or an editor overrides it for the story; a warning is shown only.</p>
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Severity</th>
            </tr>
          </thead>
          <tbody>
            {RULE_IDS.map((id) => (
              <tr key={id}>
                <th scope="row">
                  <label htmlFor={`rule-${id}`}>{RULE_LABELS[id]}</label>
                </th>
                <td>
                  <select id={`rule-${id}`} name={`rule.${id}`} defaultValue={settings.rules[id]}>
                    <option value="error">Error</option>
                    <option value="warning">Warning</option>
                    <option value="off">Off</option>
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </fieldset>
      <fieldset className="panel">
        <legend>Lists</legend>
        <div className="field">
          <label htmlFor="style-names">Name list</label>
          <textarea id="style-names" name="names" rows={6} defaultValue={settings.names.join('\n')} aria-describedby="style-names-hint" />
          <p id="style-names-hint" className="hint">
            One name per line, spelled as the newsroom spells it. A story spelling one differently (spaces, hyphens, capitals) gets a warning with the fix.
          </p>
        </div>
        <div className="field">
          <label htmlFor="style-terms">Flagged terms</label>
          <textarea id="style-terms" name="terms" rows={6} defaultValue={settings.terms.map((t) => (t.preferred ? `${t.term} => ${t.preferred}` : t.term)).join('\n')} aria-describedby="style-terms-hint" />
          <p id="style-terms-hint" className="hint">
            One per line: <code>term =&gt; preferred term</code>, or the term alone.
          </p>
        </div>
        <div className="field">
          <label htmlFor="style-numbers">Numbers and dates</label>
          <select id="style-numbers" name="numbers" defaultValue={settings.numbers}>
            <option value="ap">AP style</option>
            <option value="off">No house style</option>
          </select>
        </div>
      </fieldset>
      <fieldset className="panel">
        <legend>Headline length limits (characters)</legend>
        <div className="form-row">
          <label>
            Any section
            <input type="number" name="limit.default" min={20} max={400} defaultValue={settings.headlineLimits.default} required />
          </label>
          {sections.map((s) => (
            <label key={s.slug}>
              {s.name}
              <input type="number" name={`limit.${s.slug}`} min={20} max={400} defaultValue={settings.headlineLimits[s.slug] ?? ''} placeholder="Same" />
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions pending={pending} label="Save style settings" />
      <FormNotice state={state} />
    </form>
  );
}
