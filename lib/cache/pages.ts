import 'server-only';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { revalidatePath } from 'next/cache';
import { LAYOUT_PREFIX, pagePathsForKeys } from './page-paths';
import { log } from '@/lib/log';

// Next's page cache (ISR) holds rendered article pages. A write revalidates the addresses it
// changed: directly when it runs inside a request, and on every instance through the cache's
// NOTIFY channel, whose listener asks its own server to revalidate (revalidatePath only works
// inside a request, and the scheduled-publishing worker and other instances have none).

export const PAGE_TAG_PREFIX = 'page:';
export const pageTag = (path: string) => `${PAGE_TAG_PREFIX}${path}`;
export const REVALIDATE_ROUTE = '/api/internal/revalidate';
export const SIGNATURE_HEADER = 'x-masthead-signature';

/** One address, or every page under a layout (lib/cache/page-paths.ts). */
export function revalidateEntry(entry: string): void {
  if (entry.startsWith(LAYOUT_PREFIX)) revalidatePath(entry.slice(LAYOUT_PREFIX.length), 'layout');
  else revalidatePath(entry);
}

/** Revalidates now if this code runs inside a request; false if it does not. */
export function revalidatePagesHere(paths: string[]): boolean {
  try {
    for (const path of paths) revalidateEntry(path);
    return true;
  } catch {
    return false; // outside a request: the listener's route call does it
  }
}

function secret(): string {
  const value = process.env.AUTH_SECRET;
  if (!value) throw new Error('AUTH_SECRET is not set.');
  return value;
}

export function signRevalidation(body: string): string {
  return createHmac('sha256', secret()).update(`revalidate:${body}`).digest('base64url');
}

export function isSignedRevalidation(body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(signRevalidation(body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Asks this instance's own server to revalidate pages (from outside a request). */
export async function requestRevalidation(paths: string[]): Promise<void> {
  const port = process.env.PORT;
  if (!port || paths.length === 0) return;
  const body = JSON.stringify({ paths });
  try {
    const response = await fetch(`http://127.0.0.1:${port}${REVALIDATE_ROUTE}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: signRevalidation(body) },
      body,
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) log.error({ status: response.status }, '[cache] revalidation refused');
  } catch (error) {
    log.error({ err: error }, '[cache] revalidation request failed');
  }
}

/**
 * The cached pages a NOTIFY payload reaches: article addresses named as `page:` tags, and the
 * lists, feeds and sitemaps that show what the other tags name.
 */
export function pagePathsIn(dropped: string[]): string[] {
  const articles = dropped.filter((t) => t.startsWith(PAGE_TAG_PREFIX)).map((t) => t.slice(PAGE_TAG_PREFIX.length));
  return [...new Set([...articles, ...pagePathsForKeys(dropped)])];
}
