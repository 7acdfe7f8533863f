import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '@/lib/data/errors';

// The one shape a server action answers with, and the one mapping of the data layer's refusals to
// it; `errorResponse` (lib/http.ts) is its twin for route handlers. Form actions (useActionState)
// answer a Refusal too, with what the user typed added (`values`) so that no word is lost.

export type Refusal = { ok: false; message: string; fieldErrors?: Record<string, string[]>; conflict?: true };
export type ActionResult<T extends object = object> = ({ ok: true } & T) | Refusal;

/**
 * What an action answers for an error the data layer throws on purpose: a refused input (with its
 * fields), no permission, nothing there, or a newer version (`conflict`). Anything else is a fault,
 * thrown on to the error boundary and the log.
 */
export function refusal(error: unknown): Refusal {
  if (error instanceof ValidationError) return { ok: false, message: error.message, ...(Object.keys(error.fieldErrors).length ? { fieldErrors: error.fieldErrors } : {}) };
  if (error instanceof ConflictError) return { ok: false, message: error.message, conflict: true };
  if (error instanceof ForbiddenError || error instanceof NotFoundError) return { ok: false, message: error.message };
  throw error;
}
