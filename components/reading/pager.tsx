import Link from 'next/link';

/** "Older stories" by cursor; the first page is always one click away. */
export function Pager({ basePath, nextCursor, isFirstPage, params = {} }: { basePath: string; nextCursor: string | null; isFirstPage: boolean; params?: Record<string, string> }) {
  if (!nextCursor && isFirstPage) return null;
  const href = (cursor?: string) => {
    const search = new URLSearchParams({ ...params, ...(cursor ? { cursor } : {}) }).toString();
    return search ? `${basePath}?${search}` : basePath;
  };
  return (
    <nav aria-label="Pages" className="pager">
      {!isFirstPage && <Link href={href()}>Newest</Link>}
      {nextCursor && (
        <Link href={href(nextCursor)} rel="next">
          Older stories
        </Link>
      )}
    </nav>
  );
}
