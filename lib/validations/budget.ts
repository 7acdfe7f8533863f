import { z } from 'zod';

// A budget line as the New budget line form sends it. The due time is a wall-clock time in the
// newsroom's zone (a datetime-local input); the action turns it into an instant.

const oneLine = (label: string, min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min, `${label} is required.`)
    .max(max, `${label} is at most ${max} characters.`)
    .refine((v) => !/[\u0000-\u001f\u007f]/.test(v), `${label} must be one line of plain text.`);

export const budgetLineSchema = z.strictObject({
  slugline: oneLine('A slugline', 2, 60),
  summary: z.string().trim().max(500, 'The summary is at most 500 characters.').refine((v) => !v.includes('\u0000'), 'Text may not contain NUL characters.'),
  sectionId: z.string().max(64).default(''),
  assigneeId: z.string().max(64).default(''),
  dueAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, 'Give the due date and time.'),
  plannedWords: z.coerce.number({ error: 'The planned length is a number of words.' }).int('The planned length is a whole number of words.').min(0).max(20000, 'The planned length is at most 20,000 words.'),
});

export type BudgetLineInput = z.infer<typeof budgetLineSchema>;
