import { describe, expect, it } from 'vitest';
import { getSlot, moveBlock, setSlot, slotKeys, slotLabel, swapSlots } from '@/components/front/slots';
import { frontLayoutSchema, storyIdsIn } from '@/lib/validations/front';
import { emptyLayout, reconcileLayout, withoutStory } from '@/lib/front/layout';

const base = () => ({ ...emptyLayout(['politics', 'world']), lead: 'a', top: ['b', null, 'c', null] });

describe('front page slots', () => {
  it('names every slot as the desk labels it', () => {
    const keys = slotKeys(base());
    expect(keys.leading.map((k) => slotLabel(k, {}))).toEqual(['Lead story', 'Top story 1', 'Top story 2', 'Top story 3', 'Top story 4']);
    expect(keys.sections.world!.map((k) => slotLabel(k, { world: 'World' }))).toEqual(['World story 1', 'World story 2', 'World story 3', 'World story 4']);
  });

  it('swaps two stories, or a story and an empty slot, across groups', () => {
    const swapped = swapSlots(base(), 'lead', 'top:2');
    expect([swapped.lead, ...swapped.top]).toEqual(['c', 'b', null, 'a', null]);
    const moved = swapSlots(base(), 'top:0', 'section:world:3');
    expect(moved.top[0]).toBeNull();
    expect(getSlot(moved, 'section:world:3')).toBe('b');
    expect(storyIdsIn(moved).sort()).toEqual(['a', 'b', 'c']);
  });

  it('choosing a story for a slot takes it out of the slot it held', () => {
    const next = setSlot(base(), 'section:politics:1', 'a');
    expect(next.lead).toBeNull();
    expect(getSlot(next, 'section:politics:1')).toBe('a');
    expect(frontLayoutSchema.safeParse(next).success).toBe(true);
  });

  it('moves a section block and ignores moves off either end', () => {
    expect(moveBlock(base(), 'world', 0).sections.map((s) => s.slug)).toEqual(['world', 'politics']);
    expect(moveBlock(base(), 'world', 2).sections.map((s) => s.slug)).toEqual(['politics', 'world']);
  });
});

describe('stored layouts', () => {
  it('follow today’s sections: removed ones go, new ones join at the end', () => {
    const stored = { ...base(), sections: [{ slug: 'gone', pinned: ['x', null, null, null] }, { slug: 'world', pinned: [null, 'd', null, null] }] };
    const now = reconcileLayout(stored, ['politics', 'world', 'opinion']);
    expect(now?.sections.map((s) => s.slug)).toEqual(['world', 'politics', 'opinion']);
    expect(now?.sections[0]!.pinned).toEqual([null, 'd', null, null]);
    expect(reconcileLayout({ lead: 'a' }, ['world'])).toBeNull();
  });

  it('lose an unpublished story from every slot', () => {
    const layout = setSlot(base(), 'section:world:0', 'z');
    const without = withoutStory(withoutStory(layout, 'z'), 'a');
    expect(storyIdsIn(without).sort()).toEqual(['b', 'c']);
  });

  it('refuse a story in two slots, a section twice, unknown fields and odd ids', () => {
    expect(frontLayoutSchema.safeParse({ ...base(), top: ['a', null, null, null] }).success).toBe(false);
    expect(frontLayoutSchema.safeParse({ ...base(), sections: [{ slug: 'world', pinned: [null, null, null, null] }, { slug: 'world', pinned: [null, null, null, null] }] }).success).toBe(false);
    expect(frontLayoutSchema.safeParse({ ...base(), extra: 1 }).success).toBe(false);
    expect(frontLayoutSchema.safeParse({ ...base(), lead: 'DROP TABLE;' }).success).toBe(false);
    expect(frontLayoutSchema.safeParse({ ...base(), top: ['b', null] }).success).toBe(false);
  });
});
