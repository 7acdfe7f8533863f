import Link from 'next/link';
import type { ReactNode } from 'react';

// The newsroom's one filter bar: a plain GET form, so filters live in the URL and a filtered list
// can be bookmarked and shared. Keyed by the current filters so the inputs reset when the URL
// changes ("Clear", the back button).

type Props = { label: string; filters: Record<string, string | undefined>; clearHref: string; children: ReactNode };

export function FilterBar({ label, filters, clearHref, children }: Props) {
  return (
    <form key={JSON.stringify(filters)} className="filters" role="search" aria-label={label} method="get">
      {children}
      <button type="submit" className="btn btn-quiet">
        Filter
      </button>
      <Link href={clearHref} className="muted">
        Clear
      </Link>
    </form>
  );
}

/** The link to the next (older) page of a list paged by cursor. */
export function OlderPage({ href, children }: { href: string | null; children: ReactNode }) {
  if (!href) return null;
  return (
    <nav aria-label="Pages" className="pager">
      <Link href={href}>{children}</Link>
    </nav>
  );
}
