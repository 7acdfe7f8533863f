import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/slug';

const slug = (name: string) => z.string().regex(SLUG_PATTERN, `"${name}" must be a slug such as "world".`).max(100, `"${name}" is at most 100 characters.`);

/** Query parameters of GET /api/v1/stories. Unknown parameters are refused, not ignored. */
export const storyListQuery = z.strictObject({
  section: slug('section').optional(),
  tag: slug('tag').optional(),
  author: slug('author').optional(),
  q: z.string().trim().min(1, '"q" must not be empty.').max(200, '"q" is at most 200 characters.').optional(),
  cursor: z.string().max(500, '"cursor" is not one this API gave out.').optional(),
  limit: z.coerce
    .number({ error: '"limit" must be a number.' })
    .int('"limit" must be a whole number.')
    .min(1, '"limit" must be between 1 and 100.')
    .max(100, '"limit" must be between 1 and 100.')
    .default(20),
});

export const storyQuery = z.strictObject({ format: z.enum(['json', 'ninjs'], { error: '"format" must be "json" or "ninjs".' }).default('json') });

export const noQuery = z.strictObject({});
