// Errors the data layer throws; actions and route handlers turn them into messages and status codes.
export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(message = 'You do not have permission to do that.') {
    super(message);
  }
}

export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'Not found.') {
    super(message);
  }
}

export class ConflictError extends Error {
  readonly status = 409;
}

export function isUniqueViolation(error: unknown): boolean {
  // P2002 through Prisma, 23505 from a statement sent through the pool.
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'P2002' || error.code === '23505');
}

/** Input that is well-formed but not acceptable (unknown section, taken slug…); answered with 422. */
export class ValidationError extends Error {
  readonly status = 422;
  constructor(
    message: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

/** A write based on a version that is no longer current; carries what is current now. */
export class VersionConflictError<T = unknown> extends ConflictError {
  constructor(
    message: string,
    readonly current: T,
  ) {
    super(message);
  }
}
