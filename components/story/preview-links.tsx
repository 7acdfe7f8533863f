'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { revokePreviewLinkAction } from '@/lib/actions/preview';

export type PreviewLinkView = { id: string; by: string; made: string; until: string };

/** The preview links shared outside the newsroom that still work, each with Revoke. */
export function PreviewLinks({ storyId, links }: { storyId: string; links: PreviewLinkView[] }) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, start] = useTransition();
  if (links.length === 0) return null;
  const revoke = (linkId: string) =>
    start(async () => {
      const result = await revokePreviewLinkAction({ storyId, linkId });
      setMessage(result.ok ? null : result.message);
      if (result.ok) router.refresh();
    });
  return (
    <section className="preview-links" aria-label="Shared preview links">
      <h2>Shared preview links</h2>
      <ul>
        {links.map((link) => (
          <li key={link.id}>
            <span>
              Shared by {link.by} on {link.made}: shows the text as it was then, until {link.until}.
            </span>
            <button type="button" className="btn btn-small" disabled={pending} onClick={() => revoke(link.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      {message && (
        <p role="alert" className="notice notice-error">
          {message}
        </p>
      )}
    </section>
  );
}
