import Link from 'next/link';
import type { ReactNode } from 'react';
import type { ArticleData } from '@/lib/reading/shapes';
import { hasPlayer } from '@/lib/editor/output';
import { renderBody } from '@/lib/editor/render';
import { formatDate, formatDateTime } from '@/lib/format';
import { authorPath, sectionPath, tagPath } from '@/lib/urls';
import { ResponsiveImage } from './responsive-image';

/** The article as readers see it; the preview renders the very same component. */
/** `live`: a live blog's entries, under its summary (the body). */
export function ArticleView({ story, live, after }: { story: ArticleData; live?: ReactNode; after?: ReactNode }) {
  return (
    <article className="article">
      <header className="article-header">
        <Link className="kicker" href={sectionPath(story.section)}>
          {story.section.name}
        </Link>
        <h1>{story.headline}</h1>
        {story.dek && <p className="dek">{story.dek}</p>}
        <div className="byline">
          By{' '}
          {story.bylines.map((b, i) => (
            <span key={b.slug}>
              {i > 0 && (i === story.bylines.length - 1 ? ' and ' : ', ')}
              <Link href={authorPath(b)} rel="author">
                {b.name}
              </Link>
            </span>
          ))}
          {story.agencyByline && <span className="agency-byline">, with {story.agencyByline.replace(/^(by|von|par|por|av)\s+/i, '')}</span>}
          {story.creditLine && <span className="credit-line">, {story.creditLine}</span>}
          <p className="meta">
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
          </p>
        </div>
      </header>
      {story.image && (
        <figure className="featured-image">
          <ResponsiveImage image={story.image} sizes="(min-width: 48rem) 46rem, 100vw" priority />
          {(story.image.caption || story.image.credit) && (
            <figcaption>
              {story.image.caption}
              {story.image.credit && <span className="credit">{story.image.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div className="article-body">{renderBody(story.body, { dateline: story.dateline })}</div>
      {/* Videos' players load only when a reader presses play (a live blog's entries may bring some). */}
      {(hasPlayer(story.body) || live) && <script async src="/embeds-v1.js" />}
      {live}
      {story.corrections.length > 0 && (
        <aside className="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">{story.corrections.some((c) => c.kind === 'CORRECTION') ? 'Corrections' : 'Clarifications'}</h2>
          <ul>
            {story.corrections.map((c) => (
              <li key={c.id}>
                <strong>
                  {c.kind === 'CORRECTION' ? 'Correction' : 'Clarification'}, <time dateTime={c.createdAt.toISOString()}>{formatDate(c.createdAt)}</time>:
                </strong>{' '}
                {c.text}
              </li>
            ))}
          </ul>
        </aside>
      )}
      {story.tags.length > 0 && (
        <ul className="tags" aria-label="Topics">
          {story.tags.map((t) => (
            <li key={t.slug}>
              <Link href={tagPath(t)}>{t.name}</Link>
            </li>
          ))}
        </ul>
      )}
      {after}
    </article>
  );
}
