import Link from 'next/link';
import type { ArticleData } from '@/lib/data/public-stories';
import { renderBody } from '@/lib/editor/render';
import { formatDate, formatDateTime } from '@/lib/format';

/** The article as readers see it; the preview renders the very same component. */
export function ArticleView({ story }: { story: ArticleData }) {
  return (
    <article className="article">
      <header className="article-header">
        <Link className="kicker" href={`/${story.section.slug}`}>
          {story.section.name}
        </Link>
        <h1>{story.headline}</h1>
        {story.dek && <p className="dek">{story.dek}</p>}
        <div className="byline">
          By{' '}
          {story.bylines.map((b, i) => (
            <span key={b.slug}>
              {i > 0 && (i === story.bylines.length - 1 ? ' and ' : ', ')}
              <strong>{b.name}</strong>
            </span>
          ))}
          {story.creditLine && <>, {story.creditLine}</>}
          <span className="meta">
            {story.publishedAt ? (
              <>
                Published <time dateTime={story.publishedAt.toISOString()}>{formatDateTime(story.publishedAt)}</time>
              </>
            ) : (
              'Not published yet'
            )}
            {story.publicUpdatedAt && (
              <>
                {' · '}Updated <time dateTime={story.publicUpdatedAt.toISOString()}>{formatDateTime(story.publicUpdatedAt)}</time>
              </>
            )}
          </span>
        </div>
      </header>
      <div className="article-body">
        {renderBody(story.body, { dateline: story.dateline })}
      </div>
      {story.corrections.length > 0 && (
        <aside className="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{story.corrections.some((c) => c.kind === 'CORRECTION') ? 'Corrections' : 'Clarifications'}</h2>
          <ul>
            {story.corrections.map((c) => (
              <li key={c.id}>
                <strong>{c.kind === 'CORRECTION' ? 'Correction' : 'Clarification'}, <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>:</strong> {c.text}
              </li>
            ))}
          </ul>
        </aside>
      )}
      {story.tags.length > 0 && (
        <ul className="tags" aria-label="Tags">
          {story.tags.map((t) => (
            <li key={t.slug}>{t.name}</li>
          ))}
        </ul>
      )}
    </article>
  );
}
