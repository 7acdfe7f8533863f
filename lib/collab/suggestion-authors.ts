import * as Y from 'yjs';
import type { Doc } from '@/lib/editor/schema';

// Who suggested an edit is the server's word, not the browser's, when a story is written together
// too (the save path stamps it in lib/editor/suggestion-stamp.ts). A suggestion the document
// already held keeps the author it was stored with. A new one belongs to the person whose editor
// wrote it: the owner of the Yjs client id that wrote its first piece (each connection announces
// its own client id in its awareness, recorded with the document), or else the connection that
// delivered it. One exception, after a restart: the server has lost the edits made since the last
// store, and another editor may hand them back (or pieces of them, split off) before their writer
// does; a suggestion whose id names a client id owned before this load (editors make ids from
// their client id) is that owner's. Whatever author a browser wrote into the mark is corrected in
// the document itself, so every editor shows the server's.

const KIND = /^(insertion|deletion|modification)(?:--|$)/;

type Stamp = { author: string | null };
type Mark = { type: string; attrs?: Record<string, unknown> };
type Node = { marks?: Mark[]; content?: Node[] };

const keyOf = (kind: string, id: unknown) => `${kind}:${String(id)}`;
/** The client id an editor made a suggestion id from (`s<client id, base 36>-<count>`), if it is one of those. */
const clientOfId = (id: unknown): number | null => {
  const match = typeof id === 'string' ? /^s([0-9a-z]{1,7})-[0-9a-z]+$/.exec(id) : null;
  return match ? parseInt(match[1]!, 36) : null;
};
type Owner = { name: string; /** claimed since this document was loaded */ here: boolean };

function eachSuggestion(nodes: Node[] | undefined, visit: (mark: Mark) => void): void {
  for (const node of nodes ?? []) {
    for (const mark of node.marks ?? []) if (KIND.test(mark.type) && mark.attrs?.id != null) visit(mark);
    eachSuggestion(node.content, visit);
  }
}

export class SuggestionAuthors {
  private readonly stamps = new Map<string, Stamp>();
  private readonly owners: Map<number, Owner>;
  private wrong = false;

  /**
   * Starts from the body the document was opened with (its suggestions keep their stored authors)
   * and the client ids already known to be someone's.
   */
  constructor(body: Doc, owners: Map<number, string> = new Map()) {
    this.owners = new Map([...owners].map(([id, name]) => [id, { name, here: false }]));
    eachSuggestion(body.content as Node[], (mark) => {
      const key = keyOf(mark.type, mark.attrs!.id);
      if (!this.stamps.has(key)) this.stamps.set(key, { author: (mark.attrs!.author as string | null) ?? null });
    });
  }

  /** A connection of `name` announced the Yjs client id its editor writes with; the first claim holds. True when it is new. */
  claimClient(clientId: number, name: string): boolean {
    if (this.owners.has(clientId)) return false;
    this.owners.set(clientId, { name, here: true });
    return true;
  }

  /** Notes the suggestions in an update a connection of `sender` delivered. */
  noteUpdate(update: Uint8Array, sender: string): void {
    for (const struct of Y.decodeUpdate(update).structs) {
      if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentFormat)) continue;
      const { key, value } = struct.content as { key: string; value: unknown };
      const kind = KIND.exec(key)?.[1];
      if (!kind || !value || typeof value !== 'object' || (value as { id?: unknown }).id == null) continue;
      const claimed = value as { id: unknown; author?: unknown; at?: unknown };
      const stampKey = keyOf(kind, claimed.id);
      let stamp = this.stamps.get(stampKey);
      if (!stamp) {
        stamp = { author: this.authorOf(claimed.id, struct.id.client, sender) };
        this.stamps.set(stampKey, stamp);
      }
      if (claimed.author !== stamp.author) this.wrong = true;
    }
  }

  private authorOf(id: unknown, writer: number, sender: string): string {
    const before = this.owners.get(clientOfId(id) ?? NaN);
    if (before && !before.here) return before.name;
    return this.owners.get(writer)?.name ?? sender;
  }

  /** True when some suggestion in the document carries an author the server did not give it. */
  get needsStamping(): boolean {
    return this.wrong;
  }

  /** The body with every known suggestion's author as the server gives it; null when nothing changes. */
  stamp(body: Doc): Doc | null {
    this.wrong = false;
    const copy = structuredClone(body);
    let changed = false;
    eachSuggestion(copy.content as Node[], (mark) => {
      const stamp = this.stamps.get(keyOf(mark.type, mark.attrs!.id));
      if (!stamp || mark.attrs!.author === stamp.author) return;
      mark.attrs = { ...mark.attrs, author: stamp.author };
      changed = true;
    });
    return changed ? copy : null;
  }
}
