import * as decoding from 'lib0/decoding';
import { MessageType, type HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';

// Among twenty editors a browser receives a hundred edits a second, each with a move of its
// author's caret. Applied one by one, each edit is a Yjs transaction, a ProseMirror transaction and
// a redraw of the editor: work the page does again and again between two frames, in the way of the
// person typing. So what arrives before the next frame waits for it: the edits are then applied
// together in one transaction, so the editor updates once per frame as the screen does, and after
// them the carets and the server's receipts for edits made here, in the order they came. Carets
// name places by Yjs positions and receipts only count, so neither depends on when the edits went
// in. Any other message (sync steps, stateless, authentication, close) first applies all that
// waits, then itself.
//
// The person typing here comes first: the frame that shows their key press does not also take in
// others' edits (applying them, then laying out and painting them, is most of what twenty people
// typing add to a key press here). Those wait for the next frame without one, up to a few frames.
// The server's echo of this page's own edits brings nothing new, and never waits for that.

const SYNC_UPDATE = 2; // y-protocols' sync message "update"
/** A hidden page draws no frames; what waits still goes in this long after it arrived. */
const HIDDEN_WAIT_MS = 100;
/** A frame this soon after an edit made here is the one that shows it. */
const TYPED_MS = 20;
/** Edits from others wait for a frame without a key press at most this long. */
const TYPING_WAIT_MS = 75;

type Receiver = Pick<HocuspocusProvider, 'document' | 'onMessage'>;
/** A message as the provider's socket hands it on. */
export type ProviderMessage = Parameters<HocuspocusProvider['onMessage']>[0];

/** An edit of the document; a caret or a receipt, which may wait for the frame too; or anything else. */
export function kindOf(data: ProviderMessage['data']): 'edit' | 'aside' | 'other' {
  try {
    const decoder = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer));
    decoding.readVarString(decoder); // the document's name
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.Sync) return decoding.readVarUint(decoder) === SYNC_UPDATE ? 'edit' : 'other';
    return type === MessageType.Awareness || type === MessageType.SyncStatus ? 'aside' : 'other';
  } catch {
    return 'other'; // not ours to judge: the provider reads it as it arrives
  }
}

/** Whether an edit brings something this document does not have yet, rather than an echo of its own. */
export function bringsNews(doc: Y.Doc, data: ProviderMessage['data']): boolean {
  try {
    const decoder = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data as ArrayBuffer));
    decoding.readVarString(decoder); // the document's name
    decoding.readVarUint(decoder); // sync
    decoding.readVarUint(decoder); // update
    const update = decoding.readVarUint8Array(decoder);
    // Deletions move no clock: a deletion alone reads as nothing new, and is only applied sooner.
    for (const [client, clock] of Y.parseUpdateMeta(update).to) if (clock > Y.getState(doc.store, client)) return true;
    return false;
  } catch {
    return true;
  }
}

type Scheduler = { frame(run: () => void): unknown; timer(run: () => void, ms: number): unknown; now(): number };
const browser: Scheduler = { frame: (run) => requestAnimationFrame(run), timer: (run, ms) => setTimeout(run, ms), now: () => performance.now() };

/** Makes the provider apply edits from others once per frame; returns a function that undoes it. */
export function batchIncomingEdits(provider: Receiver, schedule: Scheduler = browser): () => void {
  const apply = provider.onMessage.bind(provider);
  let edits: ProviderMessage[] = [];
  let asides: ProviderMessage[] = [];
  let waits = 0;
  let news = false;
  let typedAt = -Infinity;
  const noteTyping = (_update: Uint8Array, origin: unknown) => {
    if (origin !== provider) typedAt = schedule.now();
  };
  provider.document.on('update', noteTyping);
  const flush = () => {
    if (edits.length + asides.length === 0) return;
    const [applying, after] = [edits, asides];
    [edits, asides, news] = [[], [], false];
    let failure: unknown = null;
    const each = (event: ProviderMessage) => {
      try {
        apply(event);
      } catch (error) {
        failure ??= error;
      }
    };
    // One transaction with the provider as origin: the editor sees one change from elsewhere.
    if (applying.length > 0) provider.document.transact(() => applying.forEach(each), provider);
    after.forEach(each);
    if (failure) throw failure;
  };
  provider.onMessage = (event: ProviderMessage) => {
    const kind = kindOf(event.data);
    if (kind === 'other') {
      try {
        flush();
      } finally {
        apply(event);
      }
      return;
    }
    (kind === 'edit' ? edits : asides).push(event);
    if (kind === 'edit' && !news) news = bringsNews(provider.document, event.data);
    if (edits.length + asides.length > 1) return;
    // The frames and the timer of this wait only: a timer left from an earlier wait, whose frame
    // came first, would otherwise apply a later wait's edits outside any frame.
    const wait = ++waits;
    const arrived = schedule.now();
    const due = () => {
      if (wait === waits) flush();
    };
    const inFrame = () => {
      if (wait !== waits) return;
      const now = schedule.now();
      if (news && now - typedAt < TYPED_MS && now - arrived < TYPING_WAIT_MS) return void schedule.frame(inFrame);
      flush();
    };
    schedule.frame(inFrame);
    schedule.timer(due, HIDDEN_WAIT_MS);
  };
  return () => {
    flush();
    provider.document.off('update', noteTyping);
    provider.onMessage = apply;
  };
}
