import type { z } from 'zod';
import { splitIssues } from './issues';

export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
  /** What the user typed, echoed back so a refused form keeps every word. */
  values?: Record<string, string>;
};

// React adds its own bookkeeping fields to progressively enhanced forms.
const isFrameworkField = (key: string) => key.startsWith('$ACTION');

/** Parses FormData against a strict schema: files, repeated or unknown fields are refused. */
export function parseForm<S extends z.ZodType>(
  schema: S,
  formData: FormData,
  echo: readonly string[] = [],
): { ok: true; data: z.infer<S> } | { ok: false; state: FormState } {
  const entries: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (isFrameworkField(key)) continue;
    if (typeof value !== 'string') return { ok: false, state: { message: `The field "${key}" must be text, not a file.` } };
    if (key in entries) return { ok: false, state: { message: `The field "${key}" was sent more than once.` } };
    // PostgreSQL cannot store U+0000 and no keyboard types it: refused here for every form at once.
    if (value.includes('\u0000') || key.includes('\u0000')) return { ok: false, state: { message: `The field "${key.replaceAll('\u0000', '')}" may not contain NUL characters.` } };
    entries[key] = value;
  }
  const values = Object.fromEntries(echo.filter((k) => k in entries).map((k) => [k, entries[k]!]));
  const result = schema.safeParse(entries);
  if (result.success) return { ok: true, data: result.data };

  const { general, fieldErrors } = splitIssues(result.error, 'field');
  return {
    ok: false,
    state: { message: general.join(' ') || 'Please correct the highlighted fields.', fieldErrors, values },
  };
}
