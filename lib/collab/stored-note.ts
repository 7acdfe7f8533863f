import { fromBase64, toBase64 } from 'lib0/buffer';
import * as Y from 'yjs';

// After a store that wrote the Story row, the server tells each browser what the row now holds,
// and each works out whether every edit it made is in it (its save status "Saved"). What writers
// added shows in a state vector; deletions do not (removing text moves no writer's clock), so a
// browser whose last edits only removed text would take a store from before them for one that
// holds them. The note is therefore a Yjs snapshot: the state vector and every deletion.

export type StoredNote = { stored: string; snapshot: string };
type DeleteSet = Y.Snapshot['ds'];


/** What the document holds now, to be told once a store of it has written the row. */
export function heldNow(doc: Y.Doc): Uint8Array {
  return Y.encodeSnapshot(Y.snapshot(doc));
}

export function storedNote(held: Uint8Array, at: Date): string {
  return JSON.stringify({ stored: at.toISOString(), snapshot: toBase64(held) } satisfies StoredNote);
}

/** Deletions made in this browser that no store is yet known to hold. */
export class UnstoredDeletions {
  private pending: DeleteSet[] = [];

  /** A change made here (a transaction on this browser's document). */
  note(transaction: Y.Transaction): void {
    if (transaction.deleteSet.clients.size > 0) this.pending.push(transaction.deleteSet);
  }

  /** Whether a store told of in `snapshot` holds every edit made here, under any of `mine`. */
  heldBy(doc: Y.Doc, snapshot: string, mine: Iterable<number>): boolean {
    const held = Y.decodeSnapshot(fromBase64(snapshot));
    const local = Y.decodeStateVector(Y.encodeStateVector(doc));
    const added = [...mine].every((client) => (held.sv.get(client) ?? 0) >= (local.get(client) ?? 0));
    this.pending = this.pending.filter((deletions) => !holdsAll(held.ds, deletions));
    return added && this.pending.length === 0;
  }
}

/** Whether every deletion in `deletions` is in `held`. */
function holdsAll(held: DeleteSet, deletions: DeleteSet): boolean {
  for (const [client, ranges] of deletions.clients) {
    const have = held.clients.get(client) ?? [];
    for (const range of ranges) {
      // Walk the held ranges that cover this one, end to end.
      let clock = range.clock;
      const end = range.clock + range.len;
      while (clock < end) {
        const covering = have.find((h) => h.clock <= clock && clock < h.clock + h.len);
        if (!covering) return false;
        clock = covering.clock + covering.len;
      }
    }
  }
  return true;
}
