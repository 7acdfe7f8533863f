'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

// The Wires desk refreshes itself: it asks the server to answer when anything on the desk
// changes (a long poll that a proxy passes through), then re-reads the page.

export function WireRefresh({ stamp }: { stamp: string }) {
  const router = useRouter();
  useEffect(() => {
    const controller = new AbortController();
    let since = stamp;
    let stopped = false;
    const loop = async () => {
      while (!stopped) {
        try {
          const response = await fetch(`/api/desk/wires/changes?since=${encodeURIComponent(since)}`, { signal: controller.signal, cache: 'no-store' });
          if (!response.ok) throw new Error(String(response.status));
          const { stamp: now } = (await response.json()) as { stamp: string };
          if (now !== since) {
            since = now;
            router.refresh();
          }
        } catch {
          if (stopped) return;
          // Offline or the server restarting: try again shortly.
          await new Promise((resolve) => setTimeout(resolve, 3_000));
        }
      }
    };
    void loop();
    return () => {
      stopped = true;
      controller.abort();
    };
  }, [router, stamp]);
  return null;
}
