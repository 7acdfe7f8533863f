'use client';

import { useState, useTransition } from 'react';
import { blogPeopleAction } from '@/lib/actions/live';

type Props = { storyId: string; people: { id: string; name: string }[]; contributorIds: string[]; entriesNeedEditor: boolean; onSaved: () => void };

/** Editors: who besides the bylines may post, and whether their entries wait for an editor. */
export function LivePeople({ storyId, people, contributorIds, entriesNeedEditor, onSaved }: Props) {
  const [chosen, setChosen] = useState(() => new Set(contributorIds));
  const [needEditor, setNeedEditor] = useState(entriesNeedEditor);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  const toggle = (id: string, on: boolean) =>
    setChosen((all) => {
      const next = new Set(all);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  const save = () =>
    start(async () => {
      const result = await blogPeopleAction({ storyId, contributorIds: [...chosen], entriesNeedEditor: needEditor });
      setMessage({ ok: result.ok, text: result.ok ? (result.message ?? 'Saved.') : result.message });
      if (result.ok) onSaved();
    });
  return (
    <details className="live-people">
      <summary>Contributors</summary>
      <p className="muted">The blog’s bylines always post. Add the people who post with them.</p>
      <fieldset>
        <legend>Contributors</legend>
        <ul>
          {people.map((p) => (
            <li key={p.id}>
              <label className="checkbox">
                <input type="checkbox" checked={chosen.has(p.id)} onChange={(e) => toggle(p.id, e.target.checked)} /> {p.name}
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset>
        <legend>Entries</legend>
        <label className="checkbox">
          <input type="radio" name={`${storyId}-entries`} checked={!needEditor} onChange={() => setNeedEditor(false)} /> Contributors post directly
        </label>
        <label className="checkbox">
          <input type="radio" name={`${storyId}-entries`} checked={needEditor} onChange={() => setNeedEditor(true)} /> Entries need an editor
        </label>
      </fieldset>
      <button type="button" className="btn btn-small" disabled={pending} onClick={save}>
        Save contributors
      </button>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'muted' : 'field-error'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
