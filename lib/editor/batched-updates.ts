import * as decoding from 'lib0/decoding';
import { MessageType, type HocuspocusProvider } from '@hocuspocus/provider';

// Among twenty editors a browser receives a hundred edits a second, each with a move of its
// author's caret. Applied one by one, each edit is a Yjs transaction, a ProseMirror transaction and
// a redraw of the editor: work the page does again and again between two frames, in the way of the
// person typing. So what arrives before the next frame waits for it: the edits are then applied
// together in one transaction, so the editor updates once per frame as the screen does, and after
// them the carets and the server's receipts for edits made here, in the order they came. Carets
// name places by Yjs positions and receipts only count, so neither depends on when the edits went
// in. Any other message (sync steps, stateless, authentication, close) first applies all that
// waits, then itself.

const SYNC_UPDATE = 2; // y-protocols' sync message "update"
/** A hidden page draws no frames; what waits still goes in this long after it arrived. */
const HIDDEN_WAIT_MS = 100;

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

type Scheduler = { frame(run: () => void): unknown; timer(run: () => void, ms: number): unknown };
const browser: Scheduler = { frame: (run) => requestAnimationFrame(run), timer: (run, ms) => setTimeout(run, ms) };

/** Makes the provider apply edits from others once per frame; returns a function that undoes it. */
export function batchIncomingEdits(provider: Receiver, schedule: Scheduler = browser): () => void {
  const apply = provider.onMessage.bind(provider);
  let edits: ProviderMessage[] = [];
  let asides: ProviderMessage[] = [];
  const flush = () => {
    if (edits.length + asides.length === 0) return;
    const [applying, after] = [edits, asides];
    [edits, asides] = [[], []];
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
    if (edits.length + asides.length > 1) return;
    schedule.frame(flush);
    schedule.timer(flush, HIDDEN_WAIT_MS);
  };
  return () => {
    flush();
    provider.onMessage = apply;
  };
}
