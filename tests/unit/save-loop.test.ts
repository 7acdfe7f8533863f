import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { SaveLoop } from '@/components/editor/save-loop';
import { readLocalCopy, setLocalCopyOwner } from '@/components/editor/local-copy';
import type { StoryDraft } from '@/components/editor/types';

// The editor's save loop on its own: timers are fake, the server is a function answering each
// request, the browser's storage a plain object. What is asserted is what a reporter relies on.

function memoryStorage() {
  const items: Record<string, string> = {};
  Object.defineProperties(items, {
    getItem: { value: (key: string) => (key in items ? items[key] : null) },
    setItem: { value: (key: string, value: string) => void (items[key] = String(value)) },
    removeItem: { value: (key: string) => void delete items[key] },
  });
  return items;
}

type Answer = { status: number; body: unknown } | Error;
let answers: Answer[];
let requests: { url: string; body: Record<string, unknown> }[];
let release: (() => void) | null;
let holdNext: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  answers = [];
  requests = [];
  release = null;
  holdNext = false;
  vi.stubGlobal('window', { localStorage: memoryStorage(), sessionStorage: memoryStorage(), addEventListener() {}, removeEventListener() {} });
  vi.stubGlobal('navigator', { onLine: true });
  setLocalCopyOwner('person-1');
  vi.stubGlobal('fetch', async (url: string, init: { body: string }) => {
    requests.push({ url, body: JSON.parse(init.body) });
    if (holdNext) {
      holdNext = false;
      await new Promise<void>((resolve) => (release = resolve));
    }
    const answer = answers.shift() ?? { status: 200, body: { id: 's1', slug: 'a-story', version: 3 + requests.length } };
    if (answer instanceof Error) throw answer;
    return new Response(JSON.stringify(answer.body), { status: answer.status });
  });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

const draft = (headline = 'Port strike enters second week'): StoryDraft =>
  ({ headline, dek: '', slug: '', sectionId: null, tags: [], bylineIds: ['u1'], creditLine: '', dateline: '', seoTitle: '', seoDescription: '', featuredImageId: null, body: { type: 'doc', content: [] } }) as StoryDraft;

function loop(current = { value: draft() }) {
  const saves = new SaveLoop('s1', 3, 0);
  saves.setHost({ getDraft: () => current.value, onCreated: () => {}, applyDraft: (next) => (current.value = next) });
  return saves;
}

describe('the save loop', () => {
  it('once a new story starts changing over to its shared document, saves leave the body and text fields to the document, before the editor re-renders as shared', async () => {
    const saves = loop();
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1100);
    expect(requests[0]!.body).toMatchObject({ headline: 'Port strike enters second week', baseDocSeq: 0 });
    expect(requests[0]!.body).toHaveProperty('body');

    saves.joinShared(); // the host still says alone: the editor has not re-rendered yet
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1100);
    expect(requests).toHaveLength(2);
    for (const key of ['body', 'headline', 'dek', 'baseDocSeq']) expect(requests[1]!.body).not.toHaveProperty(key);
    expect(requests[1]!.body).toMatchObject({ bylineIds: ['u1'], kind: 'autosave' });
  });

  it('saves once, a second after typing stops, naming the version it was based on', async () => {
    const saves = loop();
    for (let i = 0; i < 3; i++) {
      saves.markDirty();
      await vi.advanceTimersByTimeAsync(300);
    }
    expect(requests).toHaveLength(0);
    expect(saves.getState().kind).toBe('dirty');
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({ url: '/api/desk/stories/s1', body: { baseVersion: 3, kind: 'autosave' } });
    expect(saves.getState().kind).toBe('saved');
  });

  it('saves at least every ten seconds while typing never stops', async () => {
    const saves = loop();
    for (let elapsed = 0; elapsed < 10_500; elapsed += 500) {
      saves.markDirty();
      await vi.advanceTimersByTimeAsync(500);
    }
    expect(requests.length).toBeGreaterThanOrEqual(1);
  });

  it('bases the next save on the version the last one made', async () => {
    const saves = loop();
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests.map((r) => r.body.baseVersion)).toEqual([3, 4]);
  });

  it('stops at a conflict and saves nothing more until the reporter decides', async () => {
    const saves = loop();
    const theirs = { ...draft('Their headline'), id: 's1', version: 9, updatedAt: new Date().toISOString() };
    answers.push({ status: 409, body: { current: theirs } });
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.getState()).toMatchObject({ kind: 'conflict', theirs: { version: 9 } });
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(15_000);
    expect(requests).toHaveLength(1);
    expect(await saves.flush()).toBeNull();
    // Keeping mine saves it on top of their version.
    await saves.resolve('mine', theirs as never);
    expect(requests.at(-1)!.body).toMatchObject({ baseVersion: 9, kind: 'manual' });
  });

  it('saves an edit made while a save is under way right after it, and flush waits for both', async () => {
    const current = { value: draft() };
    const saves = loop(current);
    holdNext = true;
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.getState().kind).toBe('saving');
    current.value = draft('Port strike enters its third week');
    saves.markDirty();
    const flushed = saves.flush();
    release!();
    await vi.advanceTimersByTimeAsync(2000);
    expect(await flushed).toBe(5);
    expect(requests.map((r) => r.body.headline)).toEqual(['Port strike enters second week', 'Port strike enters its third week']);
    expect(saves.getState().kind).toBe('saved');
  });

  it('keeps the edit when the network fails, says so, and tries again', async () => {
    const saves = loop();
    answers.push(new TypeError('Failed to fetch'));
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(saves.getState().kind).toBe('offline');
    expect(JSON.stringify(window.localStorage)).toContain('Port strike enters second week');
    // Kept under the person's name: another person in this browser does not get it.
    expect(readLocalCopy('s1')?.draft.headline).toBe('Port strike enters second week');
    setLocalCopyOwner('person-2');
    expect(readLocalCopy('s1')).toBeNull();
    setLocalCopyOwner('person-1');
    await vi.advanceTimersByTimeAsync(5000);
    expect(requests).toHaveLength(2);
    expect(saves.getState().kind).toBe('saved');
  });

  it('does not save a story without a headline, and says why', async () => {
    const saves = loop({ value: draft('  ') });
    saves.markDirty();
    await vi.advanceTimersByTimeAsync(1000);
    expect(requests).toHaveLength(0);
    expect(saves.getState()).toMatchObject({ kind: 'idle', message: expect.stringMatching(/Add a headline/) });
  });
});
