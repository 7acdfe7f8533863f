import type { Metadata } from 'next';
import Link from 'next/link';
import { HoldMarks } from '@/components/story/hold-marks';
import { DeskFilterBar } from '@/components/newsroom/desk-filter-bar';
import { requireViewer } from '@/lib/auth';
import { listSections } from '@/lib/data/sections';
import { listDeskStories } from '@/lib/data/desk';
import { listNewsroomPeople } from '@/lib/data/users';
import { STATUS_LABELS, formatDateTime, joinNames } from '@/lib/format';
import { deskFiltersSchema } from '@/lib/validations/desk-filters';
import { ChangesRequestedMark } from '@/components/story/changes-requested';
import { DataTable } from '@/components/newsroom/data-table';
import { OlderPage } from '@/components/newsroom/filter-bar';

export const metadata: Metadata = { title: 'Stories' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DeskPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = deskFiltersSchema.parse(await searchParams);
  const [{ stories, nextCursor }, sections, people] = await Promise.all([
    listDeskStories(viewer, {
      status: params.status,
      sectionId: params.section,
      tag: params.tag,
      authorId: params.author,
      mine: params.mine === '1',
      q: params.q,
      cursor: params.cursor,
    }),
    listSections(),
    listNewsroomPeople(viewer),
  ]);
  const nextHref = nextCursor ? `?${new URLSearchParams({ ...stripUndefined(params), cursor: nextCursor })}` : null;

  return (
    <>
      <div className="page-head">
        <h1>Stories</h1>
        <div className="page-head-actions">
          <Link className="btn" href="/newsroom/stories/new?format=live">
            New live blog
          </Link>
          <Link className="btn" href="/newsroom/stories/new">
            New story
          </Link>
        </div>
      </div>
      <DeskFilterBar params={params} sections={sections} people={people} />
      <DataTable
        rows={stories}
        rowKey={(story) => story.id}
        empty="No stories match these filters."
        columns={[
          { header: 'Headline', names: true, cell: (story) => <Link href={`/newsroom/stories/${story.id}`}>{story.headline}</Link> },
          {
            header: 'Status',
            cell: (story) => (
              <>
                <span className={`status status-${story.status.toLowerCase()}`}>{STATUS_LABELS[story.status]}</span>
                {story.changeRequest && <ChangesRequestedMark storyId={story.id} request={story.changeRequest} />}
                <HoldMarks legalHold={story.legalHold} embargoUntil={story.embargoUntil} />
              </>
            ),
          },
          { header: 'Section', cell: (story) => story.section ?? '—' },
          { header: 'Bylines', cell: (story) => joinNames(story.bylines.map((b) => b.name)) },
          { header: 'Words', numeric: true, cell: (story) => story.wordCount.toLocaleString('en') },
          { header: 'Updated', cell: (story) => <time dateTime={story.updatedAt.toISOString()}>{formatDateTime(story.updatedAt)}</time> },
        ]}
      />
      <OlderPage href={nextHref}>Older stories →</OlderPage>
    </>
  );
}

function stripUndefined(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'cursor'));
}
