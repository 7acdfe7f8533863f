import { createHash } from 'node:crypto';
import { getLiveBlog } from '@/lib/data/live-public';
import { getPublishedStory } from '@/lib/data/public-stories';
import { bodyToHtml } from '@/lib/editor/html';
import { formatDateTime } from '@/lib/format';
import { siteUrl } from '@/lib/site';
import { decodePath } from '@/lib/urls';

// The one address a live blog's readers poll (`<story URL>/live.json`): its newest entries, the
// pinned one, the key events and whether coverage runs. Each entry's HTML is rendered here from
// the validated body, as the page renders it. Cached at the cache front under the story's address
// key, which every entry change purges; an unchanged answer is a 304 to `If-None-Match`.

export const dynamic = 'force-dynamic';

type Params = { params: Promise<{ section: string; slug: string }> };

export async function GET(request: Request, { params }: Params) {
  const { section, slug } = await params;
  const story = await getPublishedStory(decodePath(section), decodePath(slug));
  const blog = story?.live ? await getLiveBlog(story.id) : null;
  if (!story || !blog) return Response.json({ error: { message: 'No live blog at this address.', status: 404 } }, { status: 404, headers: { 'cache-control': 'public, max-age=0, s-maxage=60' } });
  const entry = (e: NonNullable<typeof blog.pinned>) => ({
    id: e.id,
    headline: e.headline,
    keyEvent: e.keyEvent,
    postedAt: e.postedAt.toISOString(),
    postedLabel: formatDateTime(e.postedAt),
    correctedAt: e.correctedAt?.toISOString() ?? null,
    author: e.author?.name ?? null,
    html: bodyToHtml(e.body, { base: siteUrl() }),
  });
  const body = JSON.stringify({
    live: blog.coverageEndedAt === null,
    coverageEndedAt: blog.coverageEndedAt?.toISOString() ?? null,
    newestAt: blog.newestAt?.toISOString() ?? null,
    pinned: blog.pinned ? entry(blog.pinned) : null,
    keyEvents: blog.keyEvents.map((k) => ({ id: k.id, headline: k.headline, postedAt: k.postedAt.toISOString() })),
    entries: blog.entries.map(entry),
  });
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
  // Browsers ask again every few seconds; the front keeps it until an entry changes (purged).
  const headers = { 'content-type': 'application/json; charset=utf-8', etag, 'cache-control': 'public, max-age=0, s-maxage=3600' };
  if (request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
  return new Response(body, { headers });
}
