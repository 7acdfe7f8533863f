import { z } from 'zod';
import { STORY_STATES } from '@/lib/permissions';

// The desk list's query string. Unknown values are dropped rather than failing the page.
const optional = <T extends z.ZodType>(schema: T) => schema.optional().catch(undefined);

export const deskFiltersSchema = z.object({
  status: optional(z.enum(STORY_STATES)),
  section: optional(z.string().min(1).max(64)),
  tag: optional(z.string().min(1).max(100)),
  author: optional(z.string().min(1).max(64)),
  mine: optional(z.literal('1')),
  q: optional(z.string().trim().min(1).max(200)),
  cursor: optional(z.string().min(1).max(64)),
});
export type DeskFilterParams = z.infer<typeof deskFiltersSchema>;
