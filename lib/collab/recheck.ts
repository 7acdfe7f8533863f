import 'server-only';
import type { Document } from '@hocuspocus/server';
import { findSessionViewer } from '@/lib/data/sessions';
import { docAccessFor, type DocAccess } from '@/lib/data/story-docs';
import type { Viewer } from '@/lib/data/viewer';

// Open connections to shared documents are judged again every few seconds (lib/collab/server.ts):
// a session ended, a person deactivated or rights changed close the connection.

/** What a connection was let in with. */
export type Context = { viewer: Viewer; sessionId: string; access: DocAccess; storyId: string };

/** Closes connections whose session ended, whose person left, or whose rights changed. */
export async function recheck(documents: Iterable<Document>): Promise<void> {
  // Read once per session and per person and story: a person's tabs share one session, and
  // every connection of theirs to a story has the same rights.
  const viewers = new Map<string, Promise<Viewer | null | undefined>>();
  const accesses = new Map<string, Promise<DocAccess | null>>();
  const once = <T>(map: Map<string, Promise<T>>, key: string, read: () => Promise<T>) => map.get(key) ?? map.set(key, read()).get(key)!;
  for (const document of documents) {
    for (const connection of document.getConnections()) {
      const context = connection.context as Partial<Context>;
      const { sessionId, storyId } = context;
      if (!sessionId || !storyId) continue;
      const viewer = await once(viewers, sessionId, () => findSessionViewer(sessionId).catch(() => undefined));
      if (viewer === undefined) continue; // the database did not answer: judged next time
      const access = viewer ? await once(accesses, `${viewer.id} ${storyId}`, () => docAccessFor(viewer, storyId).catch(() => null)) : null;
      if (viewer && access === context.access && viewer.role === context.viewer?.role) continue;
      // The client reconnects and is judged again: refused, or let in with its new rights.
      connection.webSocket.close(4403, access ? 'Your rights to this story changed.' : 'Your session ended.');
    }
  }
}
