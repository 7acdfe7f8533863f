import { z } from 'zod';

export const correctionSchema = z.strictObject({
  storyId: z.string().min(1).max(64),
  kind: z.enum(['CORRECTION', 'CLARIFICATION'], { error: 'Choose correction or clarification.' }),
  text: z
    .string({ error: 'Write the correction readers will see.' })
    .trim()
    .min(10, 'Write the correction readers will see (at least 10 characters).')
    .max(2000, 'Corrections are at most 2,000 characters.')
    .refine((t) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(t), 'The text may not contain control characters.'),
});
