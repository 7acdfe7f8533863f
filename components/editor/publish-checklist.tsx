import type { ChecklistItem } from '@/lib/copydesk/checklist';

/** The section's pre-publish checklist beside Publish and Schedule: each item with its state. */
export function PublishChecklist({ items }: { items: ChecklistItem[] }) {
  const failing = items.filter((i) => i.required && !i.ok);
  return (
    <div className="publish-checklist" id="publish-checklist" role="group" aria-label="Pre-publish checklist">
      <p className={failing.length ? 'field-error' : 'muted'}>
        {failing.length ? `Publish and Schedule wait for: ${failing.map((i) => i.label.toLowerCase()).join(', ')}.` : 'Pre-publish checklist complete.'}
      </p>
      <ul>
        {items.map((item) => (
          <li key={item.id} className={item.ok ? 'check-ok' : item.required ? 'check-fail' : 'check-open'}>
            <span aria-hidden="true">{item.ok ? '✓' : item.required ? '✗' : '○'}</span> {item.label}
            <span className="visually-hidden">{item.ok ? ': done' : item.required ? ': required, not done' : ': not done (optional)'}</span>
            {item.required && <span className="muted"> · required</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
