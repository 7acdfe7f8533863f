import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Pager } from '@/components/reading/pager';
import { Snippet } from '@/components/reading/snippet';
import { unlessBadCursor } from '@/lib/data/public-page';
import { MAX_QUERY_LENGTH, searchPublishedStories } from '@/lib/data/public-search';
import { formatDate, joinNames } from '@/lib/format';
import { storyPath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Search', robots: { index: false, follow: true } };

type Props = { searchParams: Promise<{ q?: string | string[]; cursor?: string | string[] }> };

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = typeof params.q === 'string' ? params.q : '';
  const cursor = typeof params.cursor === 'string' ? params.cursor : undefined;
  const tooLong = q.length > MAX_QUERY_LENGTH;
  const result = q.trim() && !tooLong ? await unlessBadCursor(searchPublishedStories(q, { cursor })) : null;
  if (q.trim() && !tooLong && !result) notFound();
  return (
    <div className="search-page">
      <h1 className="section-title">Search</h1>
      <form role="search" action="/search" className="search-form">
        <label htmlFor="search-q">Search published stories</label>
        <div className="search-row">
          <input id="search-q" type="search" name="q" defaultValue={q.slice(0, MAX_QUERY_LENGTH)} maxLength={MAX_QUERY_LENGTH} />
          <button type="submit">Search</button>
        </div>
      </form>
      {tooLong && <p role="status">Searches are at most {MAX_QUERY_LENGTH} characters; please shorten yours.</p>}
      {!q.trim() && !tooLong && <p role="status">Type a few words: a name, a place, a topic. Use quotes for a phrase.</p>}
      {result && (
        <>
          <p role="status">
            {result.hits.length === 0 ? `No stories match “${result.query}”.` : `Stories matching “${result.query}”${cursor ? ' (continued)' : ''}:`}
          </p>
          <ol className="search-results">
            {result.hits.map((hit) => (
              <li key={hit.id}>
                <p className="kicker">{hit.section.name}</p>
                <h2>
                  <Link href={storyPath(hit)}>{hit.headline}</Link>
                </h2>
                <Snippet text={hit.snippet} />
                <p className="meta">
                  {hit.bylines.length > 0 && <>By {joinNames(hit.bylines.map((b) => b.name))} · </>}
                  <time dateTime={hit.publishedAt.toISOString()}>{formatDate(hit.publishedAt)}</time>
                </p>
              </li>
            ))}
          </ol>
          <Pager basePath="/search" params={{ q: result.query }} nextCursor={result.nextCursor} isFirstPage={!cursor} />
        </>
      )}
    </div>
  );
}
