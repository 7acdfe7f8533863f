import { FilterBar } from '@/components/newsroom/filter-bar';
import { SelectFilter } from '@/components/ui/select-filter';
import type { WireFilters } from '@/lib/validations/wire';

type Props = { params: WireFilters; sources: { slug: string; name: string }[] };

export function WireFilterBar({ params, sources }: Props) {
  return (
    <FilterBar label="Filter wire items" filters={params} clearHref="/newsroom/wires">
      <div className="field">
        <label htmlFor="wire-q">Search</label>
        <input id="wire-q" name="q" type="search" defaultValue={params.q} placeholder="Headline, slugline or text" />
      </div>
      <SelectFilter id="wire-source" name="source" label="Source" anyLabel="All" value={params.source} options={sources.map((s) => [s.slug, s.name] as const)} />
      <SelectFilter id="wire-urgency" name="urgency" label="Urgency" anyLabel="Any" value={params.urgency} options={['1', '2', '3', '4', '5'].map((u) => [u, u === '1' ? '1 (flash)' : `${u} or higher`] as const)} />
      <SelectFilter id="wire-status" name="status" label="Status" anyLabel="Any" value={params.status} options={[['usable', 'Usable'], ['withheld', 'Withheld'], ['canceled', 'Killed']] as const} />
      <div className="field">
        <label htmlFor="wire-subject">Subject</label>
        <input id="wire-subject" name="subject" defaultValue={params.subject} placeholder="medtop:04000000 or a name" size={16} />
      </div>
    </FilterBar>
  );
}
