import Link from 'next/link';
import { STATUS_LABELS } from '@/lib/format';
import { STORY_STATES } from '@/lib/permissions';
import type { DeskFilterParams } from '@/lib/validations/desk-filters';

type Props = {
  params: DeskFilterParams;
  sections: { id: string; name: string }[];
  people: { id: string; name: string }[];
};

// A plain GET form: filters live in the URL, so a filtered desk can be bookmarked and shared.
export function DeskFilterBar({ params, sections, people }: Props) {
  return (
    // Keyed by the filters so that the inputs reset when the URL changes (e.g. "Clear").
    <form key={JSON.stringify(params)} className="filters" role="search" aria-label="Filter stories" method="get">
      <div className="field">
        <label htmlFor="filter-q">Search</label>
        <input id="filter-q" name="q" type="search" defaultValue={params.q} placeholder="Headline, dek or text" />
      </div>
      <div className="field">
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" name="status" defaultValue={params.status ?? ''}>
          <option value="">Any</option>
          {STORY_STATES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-section">Section</label>
        <select id="filter-section" name="section" defaultValue={params.section ?? ''}>
          <option value="">Any</option>
          {sections.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-author">Author</label>
        <select id="filter-author" name="author" defaultValue={params.author ?? ''}>
          <option value="">Anyone</option>
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-tag">Tag</label>
        <input id="filter-tag" name="tag" defaultValue={params.tag} placeholder="tag-slug" size={12} />
      </div>
      <label className="check">
        <input type="checkbox" name="mine" value="1" defaultChecked={params.mine === '1'} /> Mine
      </label>
      <button type="submit" className="btn btn-quiet">
        Filter
      </button>
      <Link href="/newsroom" className="muted">
        Clear
      </Link>
    </form>
  );
}
