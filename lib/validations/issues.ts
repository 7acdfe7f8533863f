import type { z } from 'zod';

/**
 * A zod error as people read it: messages per field, and general ones (unknown fields first by
 * name). `noun` is what the input calls its keys: "field" for forms and bodies, "parameter" for URLs.
 */
export function splitIssues(error: z.ZodError, noun: 'field' | 'parameter'): { general: string[]; fieldErrors: Record<string, string[]> } {
  const fieldErrors: Record<string, string[]> = {};
  const general: string[] = [];
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') general.push(`Unknown ${noun}${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}.`);
    else if (issue.path.length) (fieldErrors[String(issue.path[0])] ??= []).push(issue.message);
    else general.push(issue.message);
  }
  return { general, fieldErrors };
}
