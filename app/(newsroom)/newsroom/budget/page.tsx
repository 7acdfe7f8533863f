import type { Metadata } from 'next';
import Link from 'next/link';
import { LineActions } from '@/components/budget/line-actions';
import { NewLineForm } from '@/components/budget/new-line-form';
import { requireViewer } from '@/lib/auth';
import { budgetRange, dayOf, type BudgetView } from '@/lib/budget-days';
import { listBudget, type BudgetRow } from '@/lib/data/budget';
import { listSections } from '@/lib/data/sections';
import { listNewsroomPeople } from '@/lib/data/users';
import { env } from '@/lib/env';
import { formatDateTime, STATUS_LABELS } from '@/lib/format';
import { DataTable } from '@/components/newsroom/data-table';

export const metadata: Metadata = { title: 'Budget' };

type Props = { searchParams: Promise<{ view?: string; date?: string }> };

const LINE_STATUS: Record<BudgetRow['status'], string> = { PLANNED: 'Planned', ASSIGNED: 'Assigned', IN_PROGRESS: 'In progress', FILED: 'Filed', CANCELLED: 'Cancelled' };

function dayTitle(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

export default async function BudgetPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const view: BudgetView = params.view === 'week' ? 'week' : 'day';
  const timeZone = env().NEWSROOM_TIMEZONE;
  const range = budgetRange(view, params.date, timeZone);
  const [lines, sections, people] = await Promise.all([listBudget(viewer, range), listSections(), listNewsroomPeople(viewer)]);
  const late = lines.filter((l) => l.late).length;
  const href = (v: BudgetView, date: string) => `/newsroom/budget?view=${v}&date=${date}`;
  return (
    <>
      <div className="page-head">
        <h1>Budget</h1>
        <p className="muted">
          {view === 'day' ? dayTitle(range.start) : `Week of ${dayTitle(range.start)}`} · {lines.length} {lines.length === 1 ? 'line' : 'lines'}
          {late > 0 && <strong className="budget-late-count"> · {late} late</strong>}
        </p>
      </div>
      <nav aria-label="Budget dates" className="budget-nav">
        <Link href={href(view, range.previous)}>← {view === 'day' ? 'Previous day' : 'Previous week'}</Link>
        <Link href={href(view, range.today)}>Today</Link>
        <Link href={href(view, range.next)}>{view === 'day' ? 'Next day' : 'Next week'} →</Link>
        <span className="budget-views">
          <Link href={href('day', range.start)} aria-current={view === 'day' ? 'page' : undefined}>
            Day
          </Link>
          <Link href={href('week', range.start)} aria-current={view === 'week' ? 'page' : undefined}>
            Week
          </Link>
        </span>
      </nav>
      <NewLineForm sections={sections} people={people} defaultDue={`${range.start}T17:00`} timeZone={timeZone} />
      {range.days.map((day) => {
        const rows = lines.filter((l) => dayOf(l.dueAt, timeZone) === day);
        if (view === 'week' && rows.length === 0) return null;
        return (
          <section key={day} aria-label={dayTitle(day)} className="budget-day">
            {view === 'week' && <h2>{dayTitle(day)}</h2>}
            <DataTable
                rows={rows}
                rowKey={(line) => line.id}
                rowClass={(line) => (line.late ? 'budget-late' : undefined)}
                empty="Nothing on the budget for this day."
                columns={[
                  {
                    header: 'Slugline',
                    names: true,
                    cell: (line) => (
                      <>
                        {line.slugline}
                        {line.summary && <span className="budget-summary">{line.summary}</span>}
                      </>
                    ),
                  },
                  { header: 'Section', cell: (line) => line.section ?? '—' },
                  { header: 'Assignee', cell: (line) => line.assignee?.name ?? '—' },
                  {
                    header: 'Due',
                    cell: (line) => (
                      <>
                        <time dateTime={line.dueAt.toISOString()}>{formatDateTime(line.dueAt)}</time>
                        {line.late && <span className="status budget-late-mark">Late</span>}
                      </>
                    ),
                  },
                  { header: 'Length', numeric: true, cell: (line) => `${line.story ? `${line.story.wordCount.toLocaleString('en')} / ` : ''}${line.plannedWords.toLocaleString('en')}` },
                  {
                    header: 'State',
                    cell: (line) =>
                      line.story ? (
                        <Link href={`/newsroom/stories/${line.story.id}`}>
                          <span className={`status status-${line.story.status.toLowerCase()}`}>{STATUS_LABELS[line.story.status]}</span>
                        </Link>
                      ) : (
                        LINE_STATUS[line.status]
                      ),
                  },
                  {
                    header: 'Actions',
                    hiddenHeader: true,
                    cell: (line) => <LineActions lineId={line.id} slugline={line.slugline} canStart={line.canStart} canCancel={!line.story && line.status !== 'CANCELLED' && viewer.role !== 'REPORTER'} />,
                  },
                ]}
              />
          </section>
        );
      })}
      {view === 'week' && lines.length === 0 && <p className="panel">Nothing on the budget this week.</p>}
    </>
  );
}
