import { z } from 'zod';

const line = (label: string, max: number) =>
  z
    .string()
    .trim()
    .min(1, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`)
    // Shown in titles, feeds and XML: one line, no control characters.
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} must be one line of plain text.`);

export const siteIdentitySchema = z.strictObject({
  name: line('The site name', 80),
  tagline: line('The tagline', 120),
  description: line('The description', 300),
});

export type SiteIdentityInput = z.infer<typeof siteIdentitySchema>;
