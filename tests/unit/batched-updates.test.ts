import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import { Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { batchIncomingEdits, bringsNews, kindOf, type ProviderMessage } from '@/lib/editor/batched-updates';

// Edits from others are applied once per frame, in one transaction, and never after a message
// that arrived later: tried on Hocuspocus's own provider, fed the messages its socket would pass.

const NAME = 'story-1';

function message(type: number, body: (encoder: encoding.Encoder) => void): ProviderMessage {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, NAME);
  encoding.writeVarUint(encoder, type);
  body(encoder);
  return { data: encoding.toUint8Array(encoder).buffer } as ProviderMessage;
}

const editMessage = (update: Uint8Array) =>
  message(MessageType.Sync, (e) => {
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
  });
const receiptMessage = () => message(MessageType.SyncStatus, (e) => encoding.writeVarInt(e, 1));
/** Someone's caret, as y-protocols encodes an awareness update. */
function caretMessage(doc: Y.Doc, name: string): ProviderMessage {
  const awareness = new Awareness(doc);
  awareness.setLocalStateField('user', { name });
  const update = encodeAwarenessUpdate(awareness, [doc.clientID]);
  awareness.destroy();
  return message(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
}
const statelessMessage = (payload: string) => message(MessageType.Stateless, (e) => encoding.writeVarString(e, payload));

/** Three edits by someone else, each its own update, as the server relays them. */
function editsElsewhere(): Uint8Array[] {
  const other = new Y.Doc();
  const updates: Uint8Array[] = [];
  other.on('update', (update: Uint8Array) => updates.push(update));
  const text = other.getText('t');
  for (const word of ['one ', 'two ', 'three']) text.insert(text.length, word);
  return updates;
}

function scheduler() {
  const frames: (() => void)[] = [];
  const timers: (() => void)[] = [];
  const clock = { ms: 1_000 };
  return {
    frames,
    timers,
    clock,
    schedule: { frame: (run: () => void) => frames.push(run), timer: (run: () => void) => timers.push(run), now: () => clock.ms },
    runFrames: () => frames.splice(0).forEach((run) => run()),
  };
}

const made: { destroy(): void }[] = [];
function providerFor(ydoc: Y.Doc, onStateless: (payload: string) => void = () => {}) {
  class NoSocket {}
  const socket = new HocuspocusProviderWebsocket({ url: 'ws://127.0.0.1:9', autoConnect: false, WebSocketPolyfill: NoSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: NAME, document: ydoc, onStateless: ({ payload }) => onStateless(payload) });
  made.push(provider, socket);
  return provider;
}

afterEach(() => made.splice(0).forEach((thing) => thing.destroy()));

describe('edits from others, once per frame', () => {
  it('tells edits, carets and receipts from other messages', () => {
    expect(kindOf(editMessage(editsElsewhere()[0]!).data)).toBe('edit');
    expect(kindOf(caretMessage(new Y.Doc(), 'Ana').data)).toBe('aside');
    expect(kindOf(receiptMessage().data)).toBe('aside');
    expect(kindOf(statelessMessage('{}').data)).toBe('other');
    expect(kindOf(message(MessageType.Sync, (e) => encoding.writeVarUint(e, 0)).data)).toBe('other');
    expect(kindOf(new Uint8Array([200]).buffer)).toBe('other');
  });

  it('applies carets and receipts in the same frame, after the edits, in the order they came', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, frames, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);
    const editor = new Y.Doc();
    const order: string[] = [];
    ydoc.on('afterTransaction', () => order.push(`edits: ${ydoc.getText('t').toString()}`));
    provider.awareness!.on('change', () => order.push(`caret: ${[...provider.awareness!.getStates().values()].map((s) => s.user?.name).filter(Boolean).join(', ')}`));
    const [first, second] = editsElsewhere();

    provider.onMessage(caretMessage(editor, 'Ana'));
    provider.onMessage(editMessage(first!));
    provider.onMessage(receiptMessage());
    provider.onMessage(editMessage(second!));
    expect(order).toEqual([]);
    expect(frames).toHaveLength(1);

    runFrames();
    expect(order).toEqual(['edits: one two ', 'caret: Ana']);
  });

  it('applies the edits that arrived before a frame together, in one transaction from the provider', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, frames, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);
    const transactions: unknown[] = [];
    ydoc.on('afterTransaction', (transaction: Y.Transaction) => transactions.push(transaction.origin));

    for (const update of editsElsewhere()) provider.onMessage(editMessage(update));
    expect(ydoc.getText('t').toString()).toBe('');
    expect(frames).toHaveLength(1);

    runFrames();
    expect(ydoc.getText('t').toString()).toBe('one two three');
    expect(transactions).toEqual([provider]);
  });

  it('applies waiting edits before any later message, so the order is kept', () => {
    const ydoc = new Y.Doc();
    const seen: string[] = [];
    const provider = providerFor(ydoc, (payload) => seen.push(`${payload}: ${ydoc.getText('t').toString()}`));
    const { schedule, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);

    const [first, second, third] = editsElsewhere();
    provider.onMessage(editMessage(first!));
    provider.onMessage(editMessage(second!));
    provider.onMessage(statelessMessage('stored'));
    provider.onMessage(editMessage(third!));
    expect(seen).toEqual(['stored: one two ']);
    runFrames();
    expect(ydoc.getText('t').toString()).toBe('one two three');
  });

  it('still applies edits when no frame comes (a hidden page)', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, timers } = scheduler();
    batchIncomingEdits(provider, schedule);
    for (const update of editsElsewhere()) provider.onMessage(editMessage(update));
    expect(timers).toHaveLength(1);
    timers[0]!();
    expect(ydoc.getText('t').toString()).toBe('one two three');
  });

  it('leaves edits that arrive after a frame to their own frame, not to the earlier timer', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, timers, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);
    const [first, second] = editsElsewhere();
    provider.onMessage(editMessage(first!));
    runFrames();
    expect(ydoc.getText('t').toString()).toBe('one ');
    provider.onMessage(editMessage(second!));
    timers[0]!(); // the first wait's timer, due after its frame
    expect(ydoc.getText('t').toString()).toBe('one ');
    runFrames();
    expect(ydoc.getText('t').toString()).toBe('one two ');
    timers[1]!();
    expect(ydoc.getText('t').toString()).toBe('one two ');
  });

  it('keeps others’ edits out of the frame that shows a key press here, for a few frames at most', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, frames, clock, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);
    const typeHere = () => ydoc.getText('mine').insert(0, 'k');
    const [first, second] = editsElsewhere();

    typeHere();
    provider.onMessage(editMessage(first!));
    clock.ms += 10;
    runFrames(); // the frame that shows the key press
    expect(ydoc.getText('t').toString()).toBe('');
    expect(frames).toHaveLength(1);
    clock.ms += 16;
    runFrames(); // no key press since
    expect(ydoc.getText('t').toString()).toBe('one ');

    // Typing on and on: the edit goes in all the same, once it has waited 75 ms.
    provider.onMessage(editMessage(second!));
    for (let frame = 0; frame < 4; frame++) {
      clock.ms += 16;
      typeHere();
      runFrames();
      expect(ydoc.getText('t').toString()).toBe('one ');
    }
    clock.ms += 16;
    typeHere();
    runFrames();
    expect(ydoc.getText('t').toString()).toBe('one two ');
  });

  it('never holds back the server’s echo of an edit made here', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule, frames, runFrames } = scheduler();
    batchIncomingEdits(provider, schedule);
    const mine: Uint8Array[] = [];
    ydoc.on('update', (update: Uint8Array) => mine.push(update));
    ydoc.getText('t').insert(0, 'typed here');
    expect(bringsNews(ydoc, editMessage(mine[0]!).data)).toBe(false);
    expect(bringsNews(ydoc, editMessage(editsElsewhere()[0]!).data)).toBe(true);

    provider.onMessage(editMessage(mine[0]!));
    runFrames();
    expect(frames).toHaveLength(0);
  });

  it('applies what waits when undone, and then applies edits as they come', () => {
    const ydoc = new Y.Doc();
    const provider = providerFor(ydoc);
    const { schedule } = scheduler();
    const undo = batchIncomingEdits(provider, schedule);
    const [first, second] = editsElsewhere();
    provider.onMessage(editMessage(first!));
    undo();
    expect(ydoc.getText('t').toString()).toBe('one ');
    provider.onMessage(editMessage(second!));
    expect(ydoc.getText('t').toString()).toBe('one two ');
  });
});
