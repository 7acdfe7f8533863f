import { FilterBar } from '@/components/newsroom/filter-bar';
import { SelectFilter } from '@/components/ui/select-filter';
import { STATUS_LABELS } from '@/lib/format';
import { STORY_STATES } from '@/lib/permissions';
import type { DeskFilterParams } from '@/lib/validations/desk-filters';

type Props = {
  params: DeskFilterParams;
  sections: { id: string; name: string }[];
  people: { id: string; name: string }[];
};

export function DeskFilterBar({ params, sections, people }: Props) {
  return (
    <FilterBar label="Filter stories" filters={params} clearHref="/newsroom">
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
    </FilterBar>
  );
}
