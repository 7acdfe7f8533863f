import { getSiteIdentity } from '@/lib/data/site-identity';
import { ApiError, apiHandler, apiJson, parseQuery, preflight } from '@/lib/api/public';
import { storyDto, storyNinjs } from '@/lib/api/story-dto';
import { getPublishedStoryByIdOrSlug } from '@/lib/data/public-stories';
import { getLiveBlog } from '@/lib/data/live-public';
import { storyQuery } from '@/lib/validations/public-api';
import { SLUG_PATTERN } from '@/lib/slug';
import { decodePath } from '@/lib/urls';

type Params = { params: Promise<{ ref: string }> };

export function GET(request: Request, { params }: Params) {
  return apiHandler(async () => {
    const { format } = parseQuery(request, storyQuery);
    const ref = decodePath((await params).ref);
    if (ref.length > 100 || !SLUG_PATTERN.test(ref)) throw new ApiError(400, 'A story is named by its id or its slug.');
    const story = await getPublishedStoryByIdOrSlug(ref);
    // Drafts, scheduled and unpublished stories are indistinguishable from stories that never were.
    if (!story) throw new ApiError(404, 'No published story has that id or slug.');
    const live = story.live ? await getLiveBlog(story.id) : null;
    return apiJson(format === 'ninjs' ? storyNinjs(story, (await getSiteIdentity()).name, live) : { data: storyDto(story, live) });
  });
}

export const OPTIONS = preflight;
