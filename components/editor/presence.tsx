'use client';

import type { HocuspocusProvider } from '@hocuspocus/provider';
import { useEffect, useState } from 'react';

const BEAT_MS = 10_000;

type Awareness = NonNullable<HocuspocusProvider['awareness']>;
type Person = { name: string; color: string | null };

/** The people in a shared story's connection, each once, without the viewer. */
function peopleIn(awareness: Awareness, me: string): Person[] {
  const seen = new Map<string, Person>();
  for (const [clientId, state] of awareness.getStates()) {
    const user = (state as { user?: { name?: unknown; color?: unknown } }).user;
    if (clientId === awareness.clientID || typeof user?.name !== 'string' || user.name === me) continue;
    seen.set(user.name, { name: user.name, color: typeof user.color === 'string' ? user.color : null });
  }
  return [...seen.values()];
}

/** The people in the story's connection, following its awareness. */
function useConnectedPeople(awareness: Awareness | null, me: string): Person[] {
  const [, setVersion] = useState(0);
  useEffect(() => {
    if (!awareness) return;
    const changed = () => setVersion((v) => v + 1);
    awareness.on('change', changed);
    return () => awareness.off('change', changed);
  }, [awareness]);
  return awareness ? peopleIn(awareness, me) : [];
}

/**
 * Who else has this story open. Written together, from the story's own connection (the same
 * names and colours as the carets, at once), and from a heartbeat while the page is open.
 * The heartbeat also says whether the discussion changed, so the comments beside the editor
 * follow other people's.
 */
export function Presence({ storyId, onDiscussion, awareness, me }: { storyId: string; onDiscussion?: (fingerprint: string) => void; awareness: Awareness | null; me: string }) {
  const [beaten, setBeaten] = useState<Person[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const response = await fetch(`/api/desk/stories/${storyId}/presence`, { method: 'POST' }).catch(() => null);
      if (!response?.ok || stopped) return;
      const data = (await response.json()) as { others: { name: string }[]; discussion: string };
      setBeaten(data.others.map((o) => ({ name: o.name, color: null })));
      onDiscussion?.(data.discussion);
    };
    void beat();
    const timer = setInterval(() => void beat(), BEAT_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [storyId, onDiscussion]);
  const connected = useConnectedPeople(awareness, me);
  // Both: someone editing alone (a new story's first page, a blocked socket) is only in the heartbeat.
  const others = [...connected, ...beaten.filter((b) => !connected.some((c) => c.name === b.name))];
  if (others.length === 0) return null;
  return (
    <span className="presence" aria-live="polite">
      Also open by{' '}
      {others.map((person, i) => (
        <span key={person.name} className="presence-person">
          {person.color && <span className="presence-dot" style={{ background: person.color }} aria-hidden="true" />}
          {person.name}
          {i < others.length - 1 ? ', ' : ''}
        </span>
      ))}
    </span>
  );
}
