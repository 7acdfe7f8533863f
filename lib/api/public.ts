import 'server-only';
import type { z } from 'zod';
import { splitIssues } from '@/lib/validations/issues';
import { BadCursorError } from '@/lib/pagination';
import { log } from '@/lib/log';

// The public read-only API: JSON, open to any origin (GET only, no credentials), cacheable by a CDN.

export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type',
  'Access-Control-Max-Age': '86400',
} as const;

const CACHE = 'public, max-age=0, s-maxage=60, stale-while-revalidate=600';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details: Record<string, string[]> = {},
  ) {
    super(message);
  }
}

export function apiJson(data: unknown, init: { status?: number } = {}): Response {
  return Response.json(data, { status: init.status ?? 200, headers: { ...CORS_HEADERS, 'Cache-Control': init.status && init.status >= 400 ? 'no-store' : CACHE } });
}

export function preflight(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** Query parameters checked against a strict schema: unknown, repeated or malformed ones are a 400. */
export function parseQuery<S extends z.ZodType>(request: Request, schema: S): z.infer<S> {
  const params = new URL(request.url).searchParams;
  const entries: Record<string, string> = {};
  for (const [key, value] of params) {
    if (key in entries) throw new ApiError(400, `The parameter "${key}" was given more than once.`);
    entries[key] = value;
  }
  const result = schema.safeParse(entries);
  if (result.success) return result.data;
  const { general, fieldErrors: details } = splitIssues(result.error, 'parameter');
  throw new ApiError(400, general.join(' ') || Object.values(details).flat().join(' '), details);
}

/** Runs a handler and turns refusals into JSON errors; anything unexpected is a 500 without details. */
export async function apiHandler(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof ApiError) return apiJson({ error: { status: error.status, message: error.message, ...(Object.keys(error.details).length ? { details: error.details } : {}) } }, { status: error.status });
    if (error instanceof BadCursorError) return apiJson({ error: { status: 400, message: error.message } }, { status: 400 });
    log.error({ err: error }, '[api] request failed');
    return apiJson({ error: { status: 500, message: 'Something went wrong on our side.' } }, { status: 500 });
  }
}
