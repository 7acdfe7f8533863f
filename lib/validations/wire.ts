import { z } from 'zod';
import { WIRE_FORMATS } from '@/lib/wire/parse';

// Wire sources as admins set them up (settings page, `npm run wire:source`), and the Wires desk's
// filters as they arrive in the URL.

const feedUrl = z
  .string({ error: 'The feed address must be text.' })
  .trim()
  .max(2000, 'The feed address is at most 2,000 characters.')
  .refine((u) => u === '' || (URL.canParse(u) && /^https?:$/.test(new URL(u).protocol)), 'The feed address must start with http:// or https://.');

export const wireSourceSchema = z.strictObject({
  name: z.string({ error: 'The source name must be text.' }).trim().min(1, 'Enter the source’s name.').max(100, 'The source name is at most 100 characters.'),
  format: z.enum(WIRE_FORMATS, { error: 'The format is AUTO, NEWSML or NINJS.' }).default('AUTO'),
  sectionId: z.string().max(64).nullable().default(null),
  needsEditor: z.boolean({ error: 'needsEditor must be true or false.' }).default(false),
  feedUrl: feedUrl.default(''),
});
export type WireSourceInput = z.infer<typeof wireSourceSchema>;

export const wireExpirySchema = z.strictObject({
  days: z.number({ error: 'The number of days must be a number.' }).int('Whole days only.').min(1, 'At least one day.').max(365, 'At most 365 days.'),
});

const optional = z.string().trim().max(200).optional().transform((v) => v || undefined);

export const wireFiltersSchema = z.object({
  source: optional,
  urgency: z.string().regex(/^[1-9]$/).optional().catch(undefined),
  subject: optional,
  status: z.enum(['usable', 'withheld', 'canceled']).optional().catch(undefined),
  q: optional,
  cursor: z.string().max(200).optional().catch(undefined),
});
export type WireFilters = z.infer<typeof wireFiltersSchema>;
