import 'server-only';
import { resolveBodyImages } from './body-images';
import { imageSelect, toImage } from './public-stories';
import { db } from '@/lib/db';
import { parseBody } from '@/lib/editor/schema';
import { publicBody } from '@/lib/editor/public-body';
import type { PreviewGrant } from '@/lib/preview-token';
import { slugify } from '@/lib/slug';
import { NotFoundError } from './errors';
import type { ArticleData } from './public-stories';
import { loadSnapshot, readSnapshot, type StorySnapshot } from './story-snapshot';
import { assertCan, type Viewer } from './viewer';
import { loadStoryFor } from './story-access';

/** Checks that the person asking for a preview link may read the story (and the revision is its own). */
export async function assertMayPreview(viewer: Viewer | null, storyId: string, revisionId: string | null): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.view');
  if (revisionId && !(await db.revision.count({ where: { id: revisionId, storyId } }))) throw new NotFoundError('That revision does not belong to this story.');
}

/**
 * The article as the public page would show it, for a signed preview grant (the token is the
 * authorisation): the story as it is now, or as it was at one revision.
 */
export async function loadPreview(grant: PreviewGrant): Promise<ArticleData | null> {
  const story = await db.story.findUnique({
    where: { id: grant.storyId },
    select: {
      id: true,
      publishedAt: true,
      publicUpdatedAt: true,
      updatedAt: true,
      corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } },
    },
  });
  if (!story) return null;
  let snapshot: StorySnapshot;
  if (grant.revisionId) {
    const revision = await db.revision.findFirst({ where: { id: grant.revisionId, storyId: story.id }, select: { snapshot: true } });
    if (!revision) return null;
    snapshot = readSnapshot(revision.snapshot);
  } else {
    snapshot = await loadSnapshot(db, story.id);
  }
  const body = parseBody(snapshot.body);
  const [section, people, image] = await Promise.all([
    snapshot.sectionId ? db.section.findUnique({ where: { id: snapshot.sectionId }, select: { name: true, slug: true } }) : null,
    db.user.findMany({ where: { id: { in: snapshot.bylineIds } }, select: { id: true, name: true, slug: true } }),
    snapshot.featuredImageId ? db.media.findUnique({ where: { id: snapshot.featuredImageId }, select: imageSelect }) : null,
  ]);
  return {
    id: story.id,
    headline: snapshot.headline,
    dek: snapshot.dek,
    slug: snapshot.slug,
    section: section ?? { name: 'No section', slug: '' },
    bylines: snapshot.bylineIds.flatMap((id) => people.filter((p) => p.id === id).map(({ name, slug }) => ({ name, slug }))),
    creditLine: snapshot.creditLine,
    dateline: snapshot.dateline,
    publishedAt: story.publishedAt,
    publicUpdatedAt: story.publicUpdatedAt,
    updatedAt: story.updatedAt,
    body: body.ok ? await resolveBodyImages(db, publicBody(body.doc)) : { type: 'doc', content: [] },
    tags: snapshot.tags.map((name) => ({ name, slug: slugify(name) })),
    corrections: story.corrections,
    image: toImage(image),
  };
}

/**
 * While a story is embargoed, a preview link works only for people signed in to the newsroom: a
 * link forwarded outside must not show it early. Returns the embargo when it refuses.
 */
export async function embargoRefusal(grant: PreviewGrant, viewer: Viewer | null): Promise<Date | null> {
  const story = await db.story.findUnique({ where: { id: grant.storyId }, select: { embargoUntil: true } });
  if (!story?.embargoUntil || story.embargoUntil <= new Date()) return null;
  return viewer?.active ? null : story.embargoUntil;
}
