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
        <Link className="btn" href="/newsroom/stories/new">
          New story
        </Link>
      </div>
      <DeskFilterBar params={params} sections={sections} people={people} />
      {stories.length === 0 ? (
        <p className="panel">No stories match these filters.</p>
      ) : (
        <table className="grid">
          <thead>
            <tr>
              <th scope="col">Headline</th>
              <th scope="col">Status</th>
              <th scope="col">Section</th>
              <th scope="col">Bylines</th>
              <th scope="col">Words</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {stories.map((story) => (
              <tr key={story.id}>
                <th scope="row">
                  <Link href={`/newsroom/stories/${story.id}`}>{story.headline}</Link>
                </th>
                <td>
                  <span className={`status status-${story.status.toLowerCase()}`}>{STATUS_LABELS[story.status]}</span>
                  {story.changeRequest && <ChangesRequestedMark storyId={story.id} request={story.changeRequest} />}
                  <HoldMarks legalHold={story.legalHold} embargoUntil={story.embargoUntil} />
                </td>
                <td>{story.section ?? '—'}</td>
                <td>{joinNames(story.bylines.map((b) => b.name))}</td>
                <td className="num">{story.wordCount.toLocaleString('en')}</td>
                <td>
                  <time dateTime={story.updatedAt.toISOString()}>{formatDateTime(story.updatedAt)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextHref && (
        <nav aria-label="Pages" className="pager">
          <Link href={nextHref}>Older stories →</Link>
        </nav>
      )}
    </>
  );
}

function stripUndefined(params: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined && e[0] !== 'cursor'));
}
