import { apiHandler, apiJson, parseQuery, preflight } from '@/lib/api/public';
import { storySummaryDto } from '@/lib/api/story-dto';
import { searchPublishedStories } from '@/lib/data/public-search';
import { listPublishedStories } from '@/lib/data/public-stories';
import { storyListQuery } from '@/lib/validations/public-api';

export function GET(request: Request) {
  return apiHandler(async () => {
    const { q, limit, ...filter } = parseQuery(request, storyListQuery);
    if (q) {
      const page = await searchPublishedStories(q, { ...filter, take: limit });
      return apiJson({ data: page.hits.map((h) => ({ ...storySummaryDto(h), snippet: h.snippet.replace(/[\uE000\uE001]/g, '') })), nextCursor: page.nextCursor });
    }
    const page = await listPublishedStories({ ...filter, take: limit });
    return apiJson({ data: page.stories.map(storySummaryDto), nextCursor: page.nextCursor });
  });
}

export const OPTIONS = preflight;
