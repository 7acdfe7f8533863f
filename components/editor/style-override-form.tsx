'use client';

import { useState, useTransition } from 'react';
import { overrideStyleRuleAction } from '@/lib/actions/style';
import { RULE_LABELS, type RuleId } from '@/lib/copydesk/types';

/** An editor lets one rule's errors through for this story, with a reason (audited, shown in review). */
export function StyleOverrideForm({ storyId, rules }: { storyId: string; rules: RuleId[] }) {
  const [rule, setRule] = useState<RuleId>(rules[0]!);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  return (
    <details className="style-override">
      <summary>Override an error for this story</summary>
      <label>
        Rule
        <select value={rule} onChange={(e) => setRule(e.target.value as RuleId)}>
          {rules.map((r) => (
            <option key={r} value={r}>
              {RULE_LABELS[r]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Reason
        <input value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} />
      </label>
      <button
        type="button"
        className="btn btn-small"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await overrideStyleRuleAction({ storyId, rule, reason });
            setMessage(result.ok ? 'Overridden for this story.' : result.message);
          })
        }
      >
        Override
      </button>
      {message && <p role="alert">{message}</p>}
    </details>
  );
}
