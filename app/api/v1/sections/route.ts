import { apiHandler, apiJson, parseQuery, preflight } from '@/lib/api/public';
import { listPublicSections } from '@/lib/data/public-directory';
import { absoluteUrl } from '@/lib/site';
import { noQuery } from '@/lib/validations/public-api';
import { sectionPath } from '@/lib/urls';

export function GET(request: Request) {
  return apiHandler(async () => {
    parseQuery(request, noQuery);
    const sections = await listPublicSections();
    return apiJson({ data: sections.map((s) => ({ ...s, url: absoluteUrl(sectionPath(s)) })) });
  });
}

export const OPTIONS = preflight;
