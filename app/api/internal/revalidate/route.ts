import { z } from 'zod';
import { isSignedRevalidation, revalidateEntry, SIGNATURE_HEADER } from '@/lib/cache/pages';

// Revalidates cached pages for callers outside a request (the invalidation listener of this same
// instance). Signed with AUTH_SECRET; anything else is refused.

const bodySchema = z.strictObject({ paths: z.array(z.string().regex(/^(layout:)?\/[^\s]{0,1000}$/)).min(1).max(500) });

export async function POST(request: Request) {
  const body = await request.text();
  if (body.length > 128 * 1024) return new Response(null, { status: 413 });
  if (!isSignedRevalidation(body, request.headers.get(SIGNATURE_HEADER))) return new Response(null, { status: 403 });
  let parsed;
  try {
    parsed = bodySchema.safeParse(JSON.parse(body));
  } catch {
    return new Response(null, { status: 400 });
  }
  if (!parsed.success) return new Response(null, { status: 400 });
  for (const path of parsed.data.paths) revalidateEntry(path);
  return new Response(null, { status: 204 });
}
