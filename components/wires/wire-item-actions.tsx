'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { releaseWireItemAction, storyFromWireItemAction } from '@/lib/actions/wires';

/** "Use in a story" (a draft linked to the item) and, for editors, "Release" of a held item. */
export function WireItemActions({ itemId, canUse, canRelease }: { itemId: string; canUse: boolean; canRelease: boolean }) {
  const router = useRouter();
  const [message, setMessage] = useState('');
  const [made, setMade] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const use = async () => {
    setPending(true);
    setMessage('');
    const result = await storyFromWireItemAction({ itemId });
    if (!result.ok) {
      setPending(false);
      return setMessage(result.message);
    }
    // A picture that could not be imported is said here, with the way on to the story.
    if (result.notice) {
      setPending(false);
      setMade(result.storyId);
      return setMessage(result.notice);
    }
    router.push(`/newsroom/stories/${result.storyId}`);
  };

  const release = async () => {
    setPending(true);
    setMessage('');
    const result = await releaseWireItemAction({ itemId });
    setPending(false);
    if (!result.ok) return setMessage(result.message);
    router.refresh();
  };

  return (
    <div className="page-head-actions">
      {canRelease && (
        <button type="button" className="btn" onClick={() => void release()} disabled={pending}>
          Release to reporters
        </button>
      )}
      {canUse && (
        <button type="button" className="btn btn-primary" onClick={() => void use()} disabled={pending}>
          Use in a story
        </button>
      )}
      {message && (
        <p role="alert" className="field-error">
          {message} {made && <a href={`/newsroom/stories/${made}`}>Open the story</a>}
        </p>
      )}
    </div>
  );
}
