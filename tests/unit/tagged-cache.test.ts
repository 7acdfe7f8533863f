import { describe, expect, it } from 'vitest';
import { cached, dropTags } from '@/lib/cache/tagged-cache';

// No DATABASE_URL in unit tests: the cache works in-process and does not listen for NOTIFY.

function counter<T>(value: () => T, delayMs = 0) {
  let calls = 0;
  const read = async (key: string) => {
    calls += 1;
    const seen = value(); // what the database held when the read began
    if (delayMs) await new Promise((r) => setTimeout(r, delayMs));
    return { key, value: seen };
  };
  return { read, calls: () => calls };
}

describe('the tagged read cache', () => {
  it('keeps a result until one of its tags is dropped, and only those', async () => {
    const a = counter(() => 1);
    const get = cached('unit-a', a.read, ([key]) => [`thing:${key}`, 'list']);
    await get('x');
    await get('x');
    await get('y');
    expect(a.calls()).toBe(2);
    dropTags(['thing:x']);
    await get('x');
    await get('y');
    expect(a.calls()).toBe(3);
    dropTags(['list']);
    await get('x');
    await get('y');
    expect(a.calls()).toBe(5);
  });

  it('serves one read to callers that ask at the same moment', async () => {
    const b = counter(() => 2, 20);
    const get = cached('unit-b', b.read, () => ['b']);
    const results = await Promise.all([get('k'), get('k'), get('k')]);
    expect(b.calls()).toBe(1);
    expect(results.map((r) => r.value)).toEqual([2, 2, 2]);
  });

  it('does not keep a read that a write overtook', async () => {
    let version = 1;
    const c = counter(() => version, 30);
    const get = cached('unit-c', c.read, () => ['c']);
    const early = get('k');
    await new Promise((r) => setTimeout(r, 5));
    version = 2;
    dropTags(['c']); // the write lands while the read is under way
    expect((await early).value).toBe(1); // that caller asked before the write
    expect((await get('k')).value).toBe(2);
    expect(c.calls()).toBe(2);
  });

  it('does not hand a read that a write overtook to callers who come after the write', async () => {
    let version = 1;
    const e = counter(() => version, 30);
    const get = cached('unit-e', e.read, () => ['e']);
    const early = get('k');
    await new Promise((r) => setTimeout(r, 5));
    version = 2;
    dropTags(['e']);
    const late = get('k');
    expect((await early).value).toBe(1);
    expect((await late).value).toBe(2);
  });

  it('hands out copies, so a caller cannot change what the next one gets', async () => {
    const d = counter(() => ({ list: [1, 2] }));
    const get = cached('unit-d', d.read, () => ['d']);
    const first = await get('k');
    first.value.list.push(3);
    expect((await get('k')).value.list).toEqual([1, 2]);
  });
});
