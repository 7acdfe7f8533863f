import type { Metadata } from 'next';
import Link from 'next/link';
import { z } from 'zod';
import { NotAvailable } from '@/components/ui/not-available';
import { SelectFilter } from '@/components/ui/select-filter';
import { requireViewer } from '@/lib/auth';
import { listAuditEvents } from '@/lib/data/audit';
import { ForbiddenError } from '@/lib/data/errors';
import { listNewsroomPeople } from '@/lib/data/users';
import { formatDateTime } from '@/lib/format';
import { STEPS, TRANSITION_NAMES } from '@/lib/workflow/steps';
import { actionWords, transitionWords } from '@/lib/audit-words';
import { DataTable } from '@/components/newsroom/data-table';
import { FilterBar, OlderPage } from '@/components/newsroom/filter-bar';

export const metadata: Metadata = { title: 'Audit log' };

const ACTIONS: [string, string][] = [
  ['story.', 'Any story action'],
  ...TRANSITION_NAMES.map((n): [string, string] => [`story.${n}`, STEPS.story[n].label]),
  ['story.publishScheduled', 'Published as scheduled'],
  ['story.correction', 'Correction'],
  ['story.restore', 'Restore'],
  ['story.create', 'Story created'],
  ['user.', 'Any people action'],
  ['user.create', 'Person added'],
  ['user.role', 'Role change'],
  ['user.deactivate', 'Deactivation'],
  ['user.reactivate', 'Reactivation'],
];

const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);
const filtersSchema = z.object({
  action: optional(z.string().regex(/^[a-zA-Z.]{1,40}$/)),
  actor: optional(z.string().min(1).max(64)),
  type: optional(z.enum(['story', 'user'])),
  cursor: optional(z.string().min(1).max(64)),
});

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const filters = filtersSchema.parse(await searchParams);
  const result = await listAuditEvents(viewer, { action: filters.action, actorId: filters.actor, entityType: filters.type, cursor: filters.cursor }).catch((error) => {
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  if (!result) {
    return <NotAvailable reason="Only administrators can read the newsroom’s audit log." />;
  }
  const people = await listNewsroomPeople(viewer);
  const next = result.nextCursor
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(filters).filter((e): e is [string, string] => !!e[1] && e[0] !== 'cursor')), cursor: result.nextCursor })}`
    : null;
  return (
    <>
      <div className="page-head">
        <h1>Audit log</h1>
      </div>
      <FilterBar label="Filter the audit log" filters={filters} clearHref="/newsroom/audit">
        <SelectFilter id="audit-action" name="action" label="Action" anyLabel="Any" value={filters.action} options={ACTIONS} />
        <SelectFilter id="audit-actor" name="actor" label="Who" anyLabel="Anyone" value={filters.actor} options={people.map((p) => [p.id, p.name] as const)} />
      </FilterBar>
      <DataTable
        rows={result.events}
        rowKey={(e) => e.id}
        columns={[
          { header: 'When', cell: (e) => <time dateTime={e.at.toISOString()}>{formatDateTime(e.at)}</time> },
          { header: 'Who', cell: (e) => e.actor },
          { header: 'Action', names: true, cell: (e) => actionWords(e.action) },
          { header: 'On', cell: (e) => (e.storyId ? <Link href={`/newsroom/stories/${e.storyId}/history`}>{e.headline ?? 'A story'}</Link> : e.target) },
          { header: 'From → to', cell: (e) => transitionWords(e.fromState, e.toState) },
          { header: 'Note', cell: (e) => e.note },
        ]}
      />
      <OlderPage href={next}>Older events →</OlderPage>
    </>
  );
}
