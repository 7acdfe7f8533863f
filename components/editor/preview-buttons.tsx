'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createPreviewLinkAction } from '@/lib/actions/preview';

type SharedLink = { url: string; until: string };

/**
 * The link just made, per story. The story page remounts its editor when the story's version
 * changes, and making a link saves first and then refreshes the page: kept here, the link the
 * reporter is about to copy survives that remount instead of vanishing under their cursor.
 */
const justShared = new Map<string, SharedLink>();

/** "Preview" opens the page as readers would see it; "Share preview" makes a link that lasts 48 hours, of the text as saved now. */
export function PreviewButtons({ storyId, flush }: { storyId: string; flush: () => Promise<number | null> }) {
  const router = useRouter();
  const [shared, setShared] = useState<SharedLink | null>(() => justShared.get(storyId) ?? null);
  const [message, setMessage] = useState('');

  const make = async (share: boolean) => {
    setMessage('');
    await flush();
    const result = await createPreviewLinkAction({ storyId, share });
    if (!result.ok) return setMessage(result.message);
    const url = new URL(result.path, window.location.origin).toString();
    if (share) {
      const link = { url, until: new Date(result.expiresAt).toLocaleString() };
      justShared.set(storyId, link);
      setShared(link);
      router.refresh(); // the story page lists shared links, each with Revoke
    } else window.open(url, '_blank', 'noopener');
  };

  return (
    <>
      <button type="button" className="btn btn-quiet" onClick={() => void make(false)}>
        Preview
      </button>
      <button type="button" className="btn btn-quiet" onClick={() => void make(true)}>
        Share preview
      </button>
      {shared && (
        <div className="share-link" role="group" aria-label="Preview link">
          <label htmlFor="share-url">Link for anyone, valid until {shared.until}</label>
          <input id="share-url" readOnly value={shared.url} onFocus={(e) => e.target.select()} />
          <button type="button" className="btn btn-quiet" onClick={() => void navigator.clipboard?.writeText(shared.url)}>
            Copy link
          </button>
        </div>
      )}
      {message && (
        <span role="alert" className="field-error">
          {message}
        </span>
      )}
    </>
  );
}
