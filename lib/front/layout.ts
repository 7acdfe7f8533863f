import { frontLayoutSchema, SECTION_PINS, TOP_SLOTS, type FrontLayout } from '@/lib/validations/front';

// What is done with a front page arrangement (its schema: lib/validations/front.ts).

/** The arrangement before any editor has made one: every slot filled by the newest stories. */
export function emptyLayout(sectionSlugs: string[]): FrontLayout {
  return { lead: null, top: Array(TOP_SLOTS).fill(null), sections: sectionSlugs.map((slug) => ({ slug, pinned: Array(SECTION_PINS).fill(null) })) };
}

/** The layout with this story taken out of every slot (after it is unpublished). */
export function withoutStory(layout: FrontLayout, storyId: string): FrontLayout {
  const clear = (id: string | null) => (id === storyId ? null : id);
  return { lead: clear(layout.lead), top: layout.top.map(clear), sections: layout.sections.map((s) => ({ ...s, pinned: s.pinned.map(clear) })) };
}

/**
 * A stored layout brought up to date with today's sections: blocks of removed sections go, new
 * sections join at the end. Null when the stored value is not a layout at all.
 */
export function reconcileLayout(stored: unknown, sectionSlugs: string[]): FrontLayout | null {
  const parsed = frontLayoutSchema.safeParse(stored);
  if (!parsed.success) return null;
  const known = new Set(sectionSlugs);
  const kept = parsed.data.sections.filter((s) => known.has(s.slug));
  const listed = new Set(kept.map((s) => s.slug));
  const added = sectionSlugs.filter((slug) => !listed.has(slug)).map((slug) => ({ slug, pinned: Array(SECTION_PINS).fill(null) }));
  return { ...parsed.data, sections: [...kept, ...added] };
}
