import { z } from 'zod';
import { ROLES } from '@/lib/permissions';
import { newPasswordSchema, passwordProblem } from './password';

export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email({ error: 'Enter a valid email address, like name@example.com.' }));

const roleSchema = z.enum(ROLES, { error: 'Choose a role: Reporter, Editor or Admin.' });

export const signInSchema = z.strictObject({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(1024),
});

// Control characters have no place in a name and break storage (U+0000) or display.
const noControlCharacters = (value: string) => !/[\u0000-\u001f\u007f]/.test(value);

export const createUserSchema = z.strictObject({
  name: z
    .string({ error: 'Enter a name.' })
    .trim()
    .min(1, 'Enter a name.')
    .max(120, 'Names are at most 120 characters.')
    .refine(noControlCharacters, 'Names may not contain control characters.'),
  email: emailSchema,
  role: roleSchema,
  password: newPasswordSchema,
}).superRefine(refuseWeakPassword('password', (input) => [input.name, input.email]));
export type CreateUserInput = z.infer<typeof createUserSchema>;

export const userIdSchema = z.string().min(1).max(64);

export const changeRoleSchema = z.strictObject({ userId: userIdSchema, role: roleSchema });

export const setActiveSchema = z.strictObject({
  userId: userIdSchema,
  active: z.enum(['true', 'false'], { error: 'Active must be true or false.' }).transform((v) => v === 'true'),
});

/** A zod refinement that refuses a common or guessable password, naming the field. */
export function refuseWeakPassword<T extends Record<string, unknown>>(field: keyof T & string, personal: (input: T) => string[]) {
  return (input: T, ctx: z.RefinementCtx) => {
    const value = input[field];
    if (typeof value !== 'string') return;
    const problem = passwordProblem(value, personal(input));
    if (problem) ctx.addIssue({ code: 'custom', path: [field], message: problem });
  };
}

export const changePasswordSchema = z.strictObject({
  currentPassword: z.string({ error: 'Enter your current password.' }).min(1, 'Enter your current password.').max(1024),
  newPassword: newPasswordSchema,
});

export const resetPasswordSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This reset link is not valid.'),
  newPassword: newPasswordSchema,
});

export const issueResetSchema = z.strictObject({ userId: userIdSchema });
