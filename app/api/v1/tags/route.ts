import { apiHandler, apiJson, parseQuery, preflight } from '@/lib/api/public';
import { listPublicTags } from '@/lib/data/public-directory';
import { absoluteUrl } from '@/lib/site';
import { tagPath } from '@/lib/urls';
import { noQuery } from '@/lib/validations/public-api';

export function GET(request: Request) {
  return apiHandler(async () => {
    parseQuery(request, noQuery);
    const tags = await listPublicTags();
    return apiJson({ data: tags.map((t) => ({ ...t, url: absoluteUrl(tagPath(t)) })) });
  });
}

export const OPTIONS = preflight;
