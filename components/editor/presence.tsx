'use client';

import { useEffect, useState } from 'react';

const BEAT_MS = 15_000;

/** Who else has this story open, refreshed by a heartbeat while the page is open. */
export function Presence({ storyId }: { storyId: string }) {
  const [others, setOthers] = useState<string[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const response = await fetch(`/api/desk/stories/${storyId}/presence`, { method: 'POST' }).catch(() => null);
      if (!response?.ok || stopped) return;
      const data = (await response.json()) as { others: { name: string }[] };
      setOthers(data.others.map((o) => o.name));
    };
    void beat();
    const timer = setInterval(() => void beat(), BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [storyId]);
  if (others.length === 0) return null;
  return (
    <span className="presence" aria-live="polite">
      Also open by {others.join(', ')}
    </span>
  );
}
