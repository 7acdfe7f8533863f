// Shared by the server and the browser: where the socket is, and what a story's document is called.

/** The WebSocket endpoint, on the same port as the pages. */
export const COLLAB_PATH = '/api/collab';

export const docName = (storyId: string) => `story:${storyId}`;

/** The story a document name stands for, or null for any other name. */
export function storyOfDoc(name: string): string | null {
  const match = /^story:([a-z0-9]{10,40})$/.exec(name);
  return match ? match[1]! : null;
}
