'use client';

import { useEffect, useState } from 'react';

const BEAT_MS = 10_000;

/**
 * Who else has this story open, refreshed by a heartbeat while the page is open. The heartbeat also
 * says whether the discussion changed, so the comments beside the editor follow other people's.
 */
export function Presence({ storyId, onDiscussion }: { storyId: string; onDiscussion?: (fingerprint: string) => void }) {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const response = await fetch(`/api/desk/stories/${storyId}/presence`, { method: 'POST' }).catch(() => null);
      if (!response?.ok || stopped) return;
      const data = (await response.json()) as { others: { name: string }[]; discussion: string };
      setOthers(data.others.map((o) => o.name));
      onDiscussion?.(data.discussion);
    };
    void beat();
    const timer = setInterval(() => void beat(), BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [storyId, onDiscussion]);
  if (others.length === 0) return null;
  return (
    <span className="presence" aria-live="polite">
      Also open by {others.join(', ')}
    </span>
  );
}
