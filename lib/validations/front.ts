import { z } from 'zod';

// The arrangement of the front page, as editors save and publish it: its schema. Slots hold story
// ids or null (empty: the public page fills it with the newest story not already shown). What is
// done with an arrangement: lib/front/layout.ts.

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

/** Every story the arrangement places, lead first. */
export function storyIdsIn(layout: FrontLayout): string[] {
  return [layout.lead, ...layout.top, ...layout.sections.flatMap((s) => s.pinned)].filter((id): id is string => id !== null);
}
