import { z } from 'zod';
import { SLUG_PATTERN } from '@/lib/slug';

export const slugChangeSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  baseVersion: z.coerce.number({ error: 'The story version is missing.' }).int().positive(),
  slug: z
    .string({ error: 'Enter the new slug.' })
    .trim()
    .min(1, 'Enter the new slug.')
    .max(100, 'The slug is at most 100 characters.')
    .regex(SLUG_PATTERN, 'Slugs use lower-case letters, digits and single hyphens, like "summit-in-lima".'),
});
