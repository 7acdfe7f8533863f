import type { Metadata } from 'next';
import { requireViewer } from '@/lib/auth';
import { listDeskStories } from '@/lib/data/stories';
import { STATUS_LABELS, formatDateTime, joinNames } from '@/lib/format';

export const metadata: Metadata = { title: 'Stories' };

export default async function DeskPage() {
  const viewer = await requireViewer();
  const stories = await listDeskStories(viewer);
  return (
    <>
      <div className="page-head">
        <h1>Stories</h1>
        <p className="muted">{stories.length} stories, most recently updated first</p>
      </div>
      <table className="grid">
        <thead>
          <tr>
            <th scope="col">Headline</th>
            <th scope="col">Status</th>
            <th scope="col">Section</th>
            <th scope="col">Bylines</th>
            <th scope="col">Updated</th>
          </tr>
        </thead>
        <tbody>
          {stories.map((story) => (
            <tr key={story.id}>
              <th scope="row">{story.headline}</th>
              <td>
                <span className={`status status-${story.status.toLowerCase()}`}>{STATUS_LABELS[story.status]}</span>
              </td>
              <td>{story.section ?? '—'}</td>
              <td>{joinNames(story.bylines.map((b) => b.name))}</td>
              <td>
                <time dateTime={story.updatedAt.toISOString()}>{formatDateTime(story.updatedAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
