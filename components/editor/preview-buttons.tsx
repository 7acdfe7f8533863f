'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { createPreviewLinkAction } from '@/lib/actions/preview';

/** "Preview" opens the page as readers would see it; "Share preview" makes a link that lasts 48 hours, of the text as saved now. */
export function PreviewButtons({ storyId, flush }: { storyId: string; flush: () => Promise<number | null> }) {
  const router = useRouter();
  const [shared, setShared] = useState<{ url: string; until: string } | null>(null);
  const [message, setMessage] = useState('');

  const make = async (share: boolean) => {
    setMessage('');
    await flush();
    const result = await createPreviewLinkAction({ storyId, share });
    if (!result.ok) return setMessage(result.message);
    const url = new URL(result.path, window.location.origin).toString();
    if (share) {
      setShared({ url, until: new Date(result.expiresAt).toLocaleString() });
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
