import type { FrontLayout } from '@/lib/validations/front';

// Addresses of the slots of a front page layout ("lead", "top:2", "section:world:0") and the
// moves the desk makes between them. Pure, so the same moves serve buttons, keys and drag and drop.

export type SlotKey = string;

export function slotKeys(layout: FrontLayout): { leading: SlotKey[]; sections: Record<string, SlotKey[]> } {
  return {
    leading: ['lead', ...layout.top.map((_, i) => `top:${i}`)],
    sections: Object.fromEntries(layout.sections.map((s) => [s.slug, s.pinned.map((_, i) => `section:${s.slug}:${i}`)])),
  };
}

export function slotLabel(key: SlotKey, sectionNames: Record<string, string>): string {
  if (key === 'lead') return 'Lead story';
  const [kind, a, b] = key.split(':');
  if (kind === 'top') return `Top story ${Number(a) + 1}`;
  return `${sectionNames[a!] ?? a} story ${Number(b) + 1}`;
}

export function getSlot(layout: FrontLayout, key: SlotKey): string | null {
  if (key === 'lead') return layout.lead;
  const [kind, a, b] = key.split(':');
  if (kind === 'top') return layout.top[Number(a)] ?? null;
  return layout.sections.find((s) => s.slug === a)?.pinned[Number(b)] ?? null;
}

export function setSlot(layout: FrontLayout, key: SlotKey, id: string | null): FrontLayout {
  // A story holds one slot: choosing it here empties the slot it held before.
  const cleared: FrontLayout =
    id === null
      ? layout
      : {
          lead: layout.lead === id ? null : layout.lead,
          top: layout.top.map((x) => (x === id ? null : x)),
          sections: layout.sections.map((s) => ({ ...s, pinned: s.pinned.map((x) => (x === id ? null : x)) })),
        };
  if (key === 'lead') return { ...cleared, lead: id };
  const [kind, a, b] = key.split(':');
  if (kind === 'top') return { ...cleared, top: cleared.top.map((x, i) => (i === Number(a) ? id : x)) };
  return { ...cleared, sections: cleared.sections.map((s) => (s.slug === a ? { ...s, pinned: s.pinned.map((x, i) => (i === Number(b) ? id : x)) } : s)) };
}

/** The stories of two slots change places (either may be empty). */
export function swapSlots(layout: FrontLayout, from: SlotKey, to: SlotKey): FrontLayout {
  if (from === to) return layout;
  const a = getSlot(layout, from);
  const b = getSlot(layout, to);
  return setSlot(setSlot(setSlot(layout, from, null), to, a), from, b);
}

/** A section block moves to another place in the order. */
export function moveBlock(layout: FrontLayout, slug: string, toIndex: number): FrontLayout {
  const from = layout.sections.findIndex((s) => s.slug === slug);
  if (from < 0 || toIndex < 0 || toIndex >= layout.sections.length) return layout;
  const sections = layout.sections.slice();
  const [block] = sections.splice(from, 1);
  sections.splice(toIndex, 0, block!);
  return { ...layout, sections };
}
