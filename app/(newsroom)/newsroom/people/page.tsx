import type { Metadata } from 'next';
import { CreatePersonForm } from '@/components/people/create-person-form';
import { PolicyForm } from '@/components/people/policy-form';
import { getPolicy } from '@/lib/data/settings';
import { PersonRowActions } from '@/components/people/person-row-actions';
import { NotAvailable } from '@/components/ui/not-available';
import { requireViewer } from '@/lib/auth';
import { ForbiddenError } from '@/lib/data/errors';
import { listPeople } from '@/lib/data/users';
import { ROLE_LABELS } from '@/lib/format';
import { DataTable } from '@/components/newsroom/data-table';

export const metadata: Metadata = { title: 'People' };

async function loadPeople() {
  const viewer = await requireViewer();
  try {
    return { viewer, people: await listPeople(viewer) };
  } catch (error) {
    if (error instanceof ForbiddenError) return { viewer, people: null };
    throw error;
  }
}

export default async function PeoplePage() {
  const [{ viewer, people }, policy] = await Promise.all([loadPeople(), getPolicy()]);
  if (!people) {
    return <NotAvailable reason="Only administrators can manage the people in the newsroom." />;
  }
  return (
    <>
      <div className="page-head">
        <h1>People</h1>
        <p className="muted">{people.filter((p) => p.active).length} active accounts</p>
      </div>
      <CreatePersonForm />
      <PolicyForm editorMayApproveOwnStory={policy.editorMayApproveOwnStory} />
      <DataTable
        rows={people}
        rowKey={(person) => person.id}
        rowClass={(person) => (person.active ? undefined : 'inactive')}
        columns={[
          { header: 'Name', names: true, cell: (person) => person.name },
          { header: 'Email', cell: (person) => person.email },
          { header: 'Role', cell: (person) => ROLE_LABELS[person.role] },
          { header: 'Status', cell: (person) => (person.active ? 'Active' : 'Deactivated') },
          {
            header: 'Actions',
            cell: (person) => <PersonRowActions id={person.id} name={person.name} role={person.role} active={person.active} isSelf={person.id === viewer.id} />,
          },
        ]}
      />
    </>
  );
}
