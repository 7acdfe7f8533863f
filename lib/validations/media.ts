import { z } from 'zod';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .max(max, `${label} is at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} may not contain control characters.`);

export const mediaTextSchema = z.strictObject({
  id: z.string().min(1).max(64),
  altText: text('Alt text', 500),
  caption: text('The caption', 1000),
  credit: text('The credit', 300),
});
