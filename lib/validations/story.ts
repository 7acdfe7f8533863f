import { SLUG_PATTERN } from '@/lib/slug';
import { z } from 'zod';

const noControl = (value: string) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(value);
// One-line fields: a line break pasted into a headline or a name becomes a space, never a stored
// carriage return that breaks a feed title or a byline.
const foldLines = (value: string) => value.replace(/\s*[\t\r\n\u2028\u2029]+\s*/g, ' ');
const line = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .overwrite(foldLines)
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .refine(noControl, `${label} may not contain control characters.`);

export const MAX_TAGS = 20;

// The one-line text fields, each as it is checked wherever it is written: a save, the shared
// document's store (lib/data/story-docs.ts), a keep-aside.
export const textFieldSchemas = {
  headline: line('The headline', 200).pipe(z.string().min(1, 'Enter a headline.')),
  dek: line('The dek', 400),
  creditLine: line('The credit line', 200),
  dateline: line('The dateline', 60),
  seoTitle: line('The SEO title', 120),
  seoDescription: line('The SEO description', 300),
};
const text = textFieldSchemas;

/** Everything a reporter edits on a story, as the editor sends it. */
export const storyFieldsSchema = z.strictObject({
  headline: text.headline,
  dek: text.dek.default(''),
  slug: z
    .string({ error: 'The slug must be text.' })
    .trim()
    .max(100, 'The slug is at most 100 characters.')
    .refine((s) => s === '' || SLUG_PATTERN.test(s), 'Slugs use lower-case letters, digits and single hyphens, like "summit-in-lima".')
    .default(''),
  sectionId: z.string().max(64).nullable().default(null),
  tags: z
    .array(line('A tag', 60).pipe(z.string().min(1, 'Tags cannot be empty.')), { error: 'Tags must be a list.' })
    .max(MAX_TAGS, `A story can have at most ${MAX_TAGS} tags.`)
    .default([]),
  bylineIds: z
    .array(z.string().min(1).max(64), { error: 'Bylines must be a list.' })
    .min(1, 'A story needs at least one byline.')
    .max(10, 'A story can have at most 10 bylines.'),
  creditLine: text.creditLine.default(''),
  dateline: text.dateline.default(''),
  seoTitle: text.seoTitle.default(''),
  seoDescription: text.seoDescription.default(''),
  featuredImageId: z.string().max(64).nullable().default(null),
  body: z.unknown(),
});
export type StoryFields = z.infer<typeof storyFieldsSchema>;

/** A new story's first save: its fields, and the id the editor made for it (retries reuse it; cuid-shaped). */
export const newStorySchema = storyFieldsSchema.extend({
  clientId: z.string().regex(/^c[a-z0-9]{24}$/, 'clientId must be "c" and 24 lower-case letters or digits, made by the editor.').optional(),
  format: z.enum(['STORY', 'LIVE'], { error: 'format must be "STORY" or "LIVE".' }).default('STORY'),
});

export const saveStorySchema = storyFieldsSchema.extend({
  // Absent when written together, in the story's shared document: the body and each text field
  // left out stay as the document last stored them (lib/data/stories.ts).
  body: z.unknown().optional(),
  headline: text.headline.optional(),
  dek: text.dek.optional(),
  creditLine: text.creditLine.optional(),
  dateline: text.dateline.optional(),
  seoTitle: text.seoTitle.optional(),
  seoDescription: text.seoDescription.optional(),
  baseVersion: z.number({ error: 'baseVersion must be the version number the edit started from.' }).int().positive(),
  kind: z.enum(['autosave', 'manual'], { error: 'kind must be "autosave" or "manual".' }),
  label: line('The checkpoint name', 120).default(''),
  // How many times the shared document had stored edits when this edit started (Story.docSeq).
  baseDocSeq: z.number({ error: 'baseDocSeq must be a whole number.' }).int().min(0).optional(),
});
export type SaveStoryInput = z.infer<typeof saveStorySchema>;

/** Tag names as people type them: trimmed, inner spaces collapsed. */
export function normaliseTagName(name: string): string {
  return name.trim().replace(/\s+/g, ' ');
}

export const keepAsideSchema = storyFieldsSchema.extend({
  label: line('The revision name', 120).default(''),
});
