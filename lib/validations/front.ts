import { z } from 'zod';

// The arrangement of the front page, as editors save and publish it. Slots hold story ids or null
// (empty: the public page fills it with the newest story not already shown).

export const TOP_SLOTS = 4;
export const SECTION_PINS = 4;
export const MAX_SECTIONS = 30;

const storyId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a story id.');
const slot = storyId.nullable();

export const frontLayoutSchema = z
  .strictObject({
    lead: slot,
    top: z.array(slot).length(TOP_SLOTS),
    sections: z
      .array(z.strictObject({ slug: z.string().min(1).max(80), pinned: z.array(slot).length(SECTION_PINS) }))
      .max(MAX_SECTIONS),
  })
  .superRefine((layout, ctx) => {
    const ids = storyIdsIn(layout);
    const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
    if (repeated) ctx.addIssue({ code: 'custom', message: 'A story can hold only one slot on the front page.' });
    const slugs = layout.sections.map((s) => s.slug);
    if (new Set(slugs).size !== slugs.length) ctx.addIssue({ code: 'custom', message: 'A section can have only one block.' });
  });

export type FrontLayout = z.infer<typeof frontLayoutSchema>;

export function storyIdsIn(layout: FrontLayout): string[] {
  return [layout.lead, ...layout.top, ...layout.sections.flatMap((s) => s.pinned)].filter((id): id is string => id !== null);
}

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
