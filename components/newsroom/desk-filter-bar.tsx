import Link from 'next/link';
import { SelectFilter } from '@/components/ui/select-filter';
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
      <SelectFilter id="filter-status" name="status" label="Status" anyLabel="Any" value={params.status} options={STORY_STATES.map((s) => [s, STATUS_LABELS[s]] as const)} />
      <SelectFilter id="filter-section" name="section" label="Section" anyLabel="Any" value={params.section} options={sections.map((s) => [s.id, s.name] as const)} />
      <SelectFilter id="filter-author" name="author" label="Author" anyLabel="Anyone" value={params.author} options={people.map((p) => [p.id, p.name] as const)} />
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
