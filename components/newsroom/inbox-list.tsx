'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';

/** `href`: where the note leads (its story, or the Wires desk for an urgent item). */
export type InboxEntry = { id: string; text: string; href: string | null; iso: string; when: string; read: boolean };

/**
 * Opening the inbox marks everything read on the server, but the header's unread badge was drawn by
 * the layout before that (and client navigation keeps the layout): refresh once so it updates,
 * while this list goes on showing which items were new when the page was opened.
 */
export function InboxList({ items }: { items: InboxEntry[] }) {
  const router = useRouter();
  const [fresh] = useState(() => new Set(items.filter((i) => !i.read).map((i) => i.id)));
  useEffect(() => {
    if (fresh.size > 0) router.refresh();
  }, [fresh, router]);
  return (
    <ul className="inbox">
      {items.map((item) => (
        <li key={item.id} className={fresh.has(item.id) ? 'new' : undefined}>
          {item.href ? <Link href={item.href}>{item.text}</Link> : item.text}
          <div className="muted">
            <time dateTime={item.iso}>{item.when}</time>
            {fresh.has(item.id) && ' · new'}
          </div>
        </li>
      ))}
    </ul>
  );
}
