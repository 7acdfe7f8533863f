import Link from 'next/link';
import type { LiveBlog, PublicEntry } from '@/lib/reading/shapes';
import { renderBody } from '@/lib/editor/render';
import { formatDateTime } from '@/lib/format';
import { encodeCursor } from '@/lib/pagination';
import { authorPath } from '@/lib/urls';

// A live blog's entries under its summary (the story's body): whether coverage runs, the pinned
// entry, the key events, then every entry newest first, each an <article> with an address of its
// own (#entry-…). Plain HTML: a reload shows new entries without any script.

export const entryAnchor = (id: string) => `entry-${id}`;

/** The older-entries cursor whose page starts at this entry (its time, and every id at that time). */
const pageFrom = (entry: { postedAt: Date }) => encodeCursor({ at: entry.postedAt.toISOString(), id: '' });

function Entry({ entry, pinned = false }: { entry: PublicEntry; pinned?: boolean }) {
  return (
    <article className={`live-entry${entry.keyEvent ? ' live-entry-key' : ''}`} id={pinned ? undefined : entryAnchor(entry.id)} aria-labelledby={`${pinned ? 'pinned' : 'entry'}-time-${entry.id}`}>
      <header className="live-entry-meta">
        <a className="live-entry-time" id={`${pinned ? 'pinned' : 'entry'}-time-${entry.id}`} href={`#${entryAnchor(entry.id)}`}>
          <time dateTime={entry.postedAt.toISOString()}>{formatDateTime(entry.postedAt)}</time>
        </a>
        {entry.keyEvent && <span className="live-mark">Key event</span>}
        {entry.author && (
          <span className="live-entry-author">
            <Link href={authorPath(entry.author)} rel="author">
              {entry.author.name}
            </Link>
          </span>
        )}
      </header>
      {entry.headline && <h3>{entry.headline}</h3>}
      <div className="live-entry-body">{renderBody(entry.body)}</div>
      {entry.correctedAt && (
        <p className="live-entry-corrected">
          Corrected <time dateTime={entry.correctedAt.toISOString()}>{formatDateTime(entry.correctedAt)}</time>
        </p>
      )}
    </article>
  );
}

/** `storyUrl`: the blog's address; the small same-origin script polls its live.json while coverage runs. */
export function LiveBlogView({ blog, storyUrl }: { blog: LiveBlog; storyUrl: string }) {
  const pollUrl = `${storyUrl}/live.json`;
  // A key event older than this page's entries links to the page of older entries that starts with it.
  const onPage = new Set(blog.entries.map((e) => e.id));
  return (
    <section className="live-blog" aria-label="Live coverage" data-live-url={pollUrl} data-live-ended={blog.coverageEndedAt ? 'true' : 'false'}>
      {!blog.coverageEndedAt && <script async src="/live-v1.js" />}
      <p className={`live-status${blog.coverageEndedAt ? ' live-ended' : ''}`} role="status">
        {blog.coverageEndedAt ? (
          <>
            Coverage ended <time dateTime={blog.coverageEndedAt.toISOString()}>{formatDateTime(blog.coverageEndedAt)}</time>
          </>
        ) : (
          <>
            <span className="live-dot" aria-hidden="true" /> Live
          </>
        )}
      </p>
      {blog.pinned && (
        <div className="live-pinned" role="group" aria-label="Pinned">
          <p className="live-label">Pinned</p>
          <Entry entry={blog.pinned} pinned />
        </div>
      )}
      {blog.keyEvents.length > 0 && (
        <nav className="live-key-events" aria-label="Key events">
          <h2>Key events</h2>
          <ul>
            {blog.keyEvents.map((k) => (
              <li key={k.id}>
                <a href={onPage.has(k.id) ? `#${entryAnchor(k.id)}` : `${storyUrl}/updates?before=${encodeURIComponent(pageFrom(k))}#${entryAnchor(k.id)}`}>
                  <time dateTime={k.postedAt.toISOString()}>{formatDateTime(k.postedAt)}</time> {k.headline}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <LiveEntries blog={blog} olderUrl={`${storyUrl}/updates`} />
    </section>
  );
}

/** A page of entries, newest first, and the link to the ones before them (by cursor, no script needed). */
export function LiveEntries({ blog, olderUrl }: { blog: Pick<LiveBlog, 'entries' | 'nextCursor'>; olderUrl: string }) {
  return (
    <>
      <div className="live-entries">
        {blog.entries.length === 0 ? <p className="muted live-none">No updates yet.</p> : blog.entries.map((entry) => <Entry key={entry.id} entry={entry} />)}
      </div>
      {blog.nextCursor && (
        <p className="live-older">
          <a href={`${olderUrl}?before=${encodeURIComponent(blog.nextCursor)}`} rel="next">
            Older entries
          </a>
        </p>
      )}
    </>
  );
}
