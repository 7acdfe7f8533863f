'use client';

type Person = { id: string; name: string };
type Props = { ids: string[]; people: Person[]; onChange: (ids: string[]) => void; disabled?: boolean };

/** Ordered bylines: the first is the lead author. */
export function BylinePicker({ ids, people, onChange, disabled }: Props) {
  const name = (id: string) => people.find((p) => p.id === id)?.name ?? 'Former member';
  const move = (from: number, to: number) => {
    const next = [...ids];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item!);
    onChange(next);
  };
  return (
    <div className="byline-picker">
      <ol aria-label="Bylines in order">
        {ids.map((id, i) => (
          <li key={id}>
            <span>{name(id)}</span>
            <button type="button" aria-label={`Move ${name(id)} earlier`} disabled={disabled || i === 0} onClick={() => move(i, i - 1)}>
              ↑
            </button>
            <button type="button" aria-label={`Remove ${name(id)} from the byline`} disabled={disabled || ids.length === 1} onClick={() => onChange(ids.filter((x) => x !== id))}>
              ×
            </button>
          </li>
        ))}
      </ol>
      <select
        id="story-bylines"
        value=""
        disabled={disabled}
        onChange={(e) => e.target.value && onChange([...ids, e.target.value])}
      >
        <option value="">Add a byline…</option>
        {people
          .filter((p) => !ids.includes(p.id))
          .map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
      </select>
    </div>
  );
}
