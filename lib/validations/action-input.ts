import { z } from 'zod';
import { findNul } from '@/lib/http';

// The one gate for the inputs of server actions that take an object rather than a form (workflow
// steps, comments, previews): as readJson and parseForm do for the other edges, a NUL anywhere in
// the input is refused by name before any schema or query sees it (PostgreSQL cannot store one).

const NUL_MARK = 'masthead-nul';

export function parseActionInput<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.infer<S>> {
  const at = findNul(input);
  if (at !== null) {
    const error = new z.ZodError([{ code: 'custom', path: at ? at.split('.') : [], message: `Text may not contain NUL characters${at ? ` (at ${at})` : ''}.`, params: { [NUL_MARK]: true } }]) as unknown as z.ZodError<z.infer<S>>;
    return { success: false, error };
  }
  return schema.safeParse(input) as z.ZodSafeParseResult<z.infer<S>>;
}

/** The message to show for a refused input: the NUL refusal as it is, anything else as `fallback`. */
export function actionInputMessage(error: z.ZodError, fallback: string): string {
  const issue = error.issues[0];
  return issue && issue.code === 'custom' && (issue as { params?: Record<string, unknown> }).params?.[NUL_MARK] ? issue.message : fallback;
}
