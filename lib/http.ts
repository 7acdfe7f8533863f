import 'server-only';
import { NextResponse } from 'next/server';
import type { z } from 'zod';
import { splitIssues } from '@/lib/validations/issues';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from '@/lib/data/errors';
import { log } from '@/lib/log';

// Helpers for the newsroom's JSON route handlers: bounded JSON bodies, same-origin writes, and one
// mapping from data-layer errors to status codes with a JSON body that names the problem.

export const MAX_JSON_BYTES = 1024 * 1024;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Cookie-authenticated writes must come from our own pages (the browser sends Origin on POST/PUT). */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  // "null" (a sandboxed frame, a file: page) and anything else that is not an address is not us.
  const originHost = URL.canParse(origin ?? '') ? new URL(origin!).host : null;
  if (!originHost || !host || originHost !== host) {
    throw new HttpError(403, 'Cross-site requests are not accepted.');
  }
}

/**
 * The body's bytes, read no further than `max`: a body that declares no length (chunked) is
 * counted as it arrives and refused the moment it passes the limit. Null when it is too large.
 */
export async function readBoundedBytes(request: Request, max: number): Promise<Buffer | null> {
  if (Number(request.headers.get('content-length') ?? 0) > max) return null;
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The body as UTF-8 text, read no further than `max` bytes (see readBoundedBytes). */
export async function readBoundedText(request: Request, max: number): Promise<string | null> {
  const bytes = await readBoundedBytes(request, max);
  return bytes === null ? null : bytes.toString('utf8');
}

export async function readJson<S extends z.ZodType>(request: Request, schema: S): Promise<z.infer<S>> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/json')) throw new HttpError(415, 'Send the body as application/json.');
  const text = await readBoundedText(request, MAX_JSON_BYTES);
  if (text === null) throw new HttpError(413, `The request is too large; the limit is ${MAX_JSON_BYTES} bytes.`);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'The request body is not valid JSON.');
  }
  const nul = findNul(data);
  if (nul !== null) throw new HttpError(422, `Text may not contain NUL characters${nul ? ` (at ${nul})` : ''}.`);
  const result = schema.safeParse(data);
  if (!result.success) {
    const { general, fieldErrors } = splitIssues(result.error, 'field');
    const message = general[0] ?? Object.values(fieldErrors)[0]?.[0] ?? 'The request is not valid.';
    throw new HttpError(422, message, { fieldErrors });
  }
  return result.data;
}

/** The path of the first string (or key) holding U+0000, which PostgreSQL cannot store; else null. */
export function findNul(value: unknown, path = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findNul(item, `${path}[${i}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const here = path ? `${path}.${key}` : key;
      if (key.includes('\u0000')) return here.replaceAll('\u0000', '');
      const found = findNul(item, here);
      if (found !== null) return found;
    }
  }
  return null;
}

/** Turns a thrown error into the JSON answer; unexpected errors are logged and kept vague. */
export function errorResponse(error: unknown): NextResponse {
  if (error instanceof HttpError) return NextResponse.json({ error: error.message, ...error.extra }, { status: error.status });
  if (error instanceof VersionConflictError) return NextResponse.json({ error: error.message, current: error.current }, { status: 409 });
  if (error instanceof ValidationError) return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: 422 });
  if (error instanceof ForbiddenError || error instanceof NotFoundError || error instanceof ConflictError) {
    return NextResponse.json({ error: error.message }, { status: error.status });
  }
  log.error({ err: error }, 'request failed');
  return NextResponse.json({ error: 'Something went wrong on our side; your changes are kept in this browser.' }, { status: 500 });
}

export function requireSignedIn<T>(viewer: T | null): T {
  if (!viewer) throw new HttpError(401, 'Your session has ended. Sign in again; your changes are kept in this browser.');
  return viewer;
}
