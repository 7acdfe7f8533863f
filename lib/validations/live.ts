import { z } from 'zod';

// A live blog entry as the composer sends it. The body is the story schema's JSON, checked as a
// tree by the data layer (lib/editor/schema.ts); the headline is one line.
export const liveEntrySchema = z.strictObject({
  headline: z
    .string({ error: 'The entry headline must be text.' })
    .overwrite((value) => value.replace(/\s*[\t\r\n\u2028\u2029]+\s*/g, ' '))
    .trim()
    .max(200, 'The entry headline is at most 200 characters.')
    .refine((value) => !/[\u0000-\u001f\u007f]/.test(value), 'The entry headline may not contain control characters.')
    .default(''),
  body: z.unknown(),
  keyEvent: z.boolean({ error: 'Key event is yes or no.' }).default(false),
});
export type LiveEntryInput = z.input<typeof liveEntrySchema>;
