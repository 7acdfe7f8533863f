import { apiJson, preflight } from '@/lib/api/public';
import { openApiDocument } from '@/lib/api/openapi';
import { siteUrl } from '@/lib/site';

// Built per request: the server's public address comes from its environment.
export const dynamic = 'force-dynamic';

export function GET() {
  return apiJson(openApiDocument(siteUrl()));
}

export const OPTIONS = preflight;
