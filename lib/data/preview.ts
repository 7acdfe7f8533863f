import 'server-only';
import { resolveBodyRefs } from './body-images';
import { imageSelect, toImage } from './public-stories';
import { db } from '@/lib/db';
import { parseBody } from '@/lib/editor/schema';
import { publicBody } from '@/lib/editor/public-body';
import type { PreviewGrant } from '@/lib/preview-token';
import { slugify } from '@/lib/slug';
import { NotFoundError, ValidationError } from './errors';
import { recordAudit } from './audit';
import { recordRevision } from './revisions';
import type { ArticleData } from './public-stories';
import { storeSharedBody } from '@/lib/collab/registry';
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
      agencyByline: true,
      corrections: { orderBy: { createdAt: 'asc' }, select: { id: true, kind: true, text: true, createdAt: true } },
    },
  });
  if (!story) return null;
  // A shared link shows the revision it was made from, while it is neither revoked nor expired.
  const link = grant.linkId ? await db.previewLink.findFirst({ where: { id: grant.linkId, storyId: story.id, revokedAt: null, expiresAt: { gt: new Date() } }, select: { revisionId: true } }) : null;
  if (grant.linkId && !link) return null;
  const revisionId = link?.revisionId ?? grant.revisionId;
  let snapshot: StorySnapshot;
  if (revisionId) {
    const revision = await db.revision.findFirst({ where: { id: revisionId, storyId: story.id }, select: { snapshot: true } });
    if (!revision) return null;
    snapshot = readSnapshot(revision.snapshot);
  } else {
    // Written together, the row is written from the shared document a moment after typing: now.
    await storeSharedBody(story.id);
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
    agencyByline: story.agencyByline,
    dateline: snapshot.dateline,
    publishedAt: story.publishedAt,
    publicUpdatedAt: story.publicUpdatedAt,
    updatedAt: story.updatedAt,
    body: body.ok ? await resolveBodyRefs(db, publicBody(body.doc)) : { type: 'doc', content: [] },
    tags: snapshot.tags.map((name) => ({ name, slug: slugify(name) })),
    corrections: story.corrections,
    image: toImage(image),
  };
}

export type PreviewRefusal = { kind: 'embargo'; until: Date } | { kind: 'legalHold' };

/**
 * While a story is embargoed or on legal hold, a preview link works only for people signed in to
 * the newsroom: a link forwarded outside must not show it early, or at all while lawyers decide.
 */
export async function previewRefusal(grant: PreviewGrant, viewer: Viewer | null): Promise<PreviewRefusal | null> {
  if (viewer?.active) return null;
  const story = await db.story.findUnique({ where: { id: grant.storyId }, select: { embargoUntil: true, legalHold: true } });
  if (story?.legalHold) return { kind: 'legalHold' };
  if (story?.embargoUntil && story.embargoUntil > new Date()) return { kind: 'embargo', until: story.embargoUntil };
  return null;
}

export type SharedPreview = { id: string; by: string; createdAt: Date; expiresAt: Date };

/**
 * Makes a link for people outside the newsroom, valid for 48 hours, fixed to a revision recorded
 * now ("Shared preview" in History): autosave revisions absorb later autosaves, so the link needs
 * one of its own that nothing changes. Not while the story is on legal hold. Audited.
 */
export async function sharePreview(viewer: Viewer | null, storyId: string): Promise<PreviewGrant> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.sharePreview');
  if (story.legalHold) throw new ValidationError('This story is on legal hold: it cannot be shown outside the newsroom until the hold is lifted.');
  const expiresAt = new Date(Date.now() + SHARE_HOURS * 3_600_000);
  // The link shows the story as it is now: what is typed together is stored first.
  await storeSharedBody(storyId);
  const link = await db.$transaction(async (tx) => {
    const current = await tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } });
    const revision = await recordRevision(tx, { storyId, authorId: viewer.id, kind: 'MANUAL', storyVersion: current.version, snapshot: await loadSnapshot(tx, storyId), label: 'Shared preview' });
    const created = await tx.previewLink.create({ data: { storyId, revisionId: revision.id, createdById: viewer.id, expiresAt }, select: { id: true, revisionId: true } });
    await recordAudit(tx, { actorId: viewer.id, action: 'story.previewShared', entityType: 'story', entityId: storyId, storyId, note: `Until ${expiresAt.toISOString()}` });
    return created;
  });
  return { storyId, revisionId: link.revisionId, expiresAt, linkId: link.id };
}

const SHARE_HOURS = 48;

/** The story's shared links that still work, newest first, for its page. */
export async function listSharedPreviews(viewer: Viewer | null, storyId: string): Promise<SharedPreview[]> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.sharePreview');
  const rows = await db.previewLink.findMany({
    where: { storyId, revokedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    take: 50,
    select: { id: true, createdAt: true, expiresAt: true, createdById: true },
  });
  const people = await db.user.findMany({ where: { id: { in: rows.map((r) => r.createdById) } }, select: { id: true, name: true } });
  const names = new Map(people.map((p) => [p.id, p.name]));
  return rows.map((r) => ({ id: r.id, by: names.get(r.createdById) ?? 'someone', createdAt: r.createdAt, expiresAt: r.expiresAt }));
}

/** Stops a shared link from working at once. Audited. */
export async function revokeSharedPreview(viewer: Viewer | null, storyId: string, linkId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadStoryFor(viewer, storyId, 'story.sharePreview');
  await db.$transaction(async (tx) => {
    const { count } = await tx.previewLink.updateMany({ where: { id: linkId, storyId, revokedAt: null }, data: { revokedAt: new Date(), revokedById: viewer.id } });
    if (count === 0) throw new NotFoundError('That preview link does not exist or was already revoked.');
    await recordAudit(tx, { actorId: viewer.id, action: 'story.previewRevoked', entityType: 'story', entityId: storyId, storyId });
  });
}
