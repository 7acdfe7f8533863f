import { apiHandler, apiJson, parseQuery, preflight } from '@/lib/api/public';
import { listPublicAuthors } from '@/lib/data/public-directory';
import { absoluteUrl } from '@/lib/site';
import { authorPath } from '@/lib/urls';
import { noQuery } from '@/lib/validations/public-api';

export function GET(request: Request) {
  return apiHandler(async () => {
    parseQuery(request, noQuery);
    const authors = await listPublicAuthors();
    return apiJson({ data: authors.map((a) => ({ ...a, url: absoluteUrl(authorPath(a)) })) });
  });
}

export const OPTIONS = preflight;
