import 'server-only';
import { db } from '@/lib/db';
import { formatDate, formatDateTime } from '@/lib/format';
import { Prisma } from '@/lib/generated/prisma/client';
import { enqueueFrontPublication } from '@/lib/jobs/scheduled-publishing';
import { frontLayoutSchema, storyIdsIn, type FrontLayout } from '@/lib/validations/front';
import { reconcileLayout, withoutStory } from '@/lib/front/layout';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError, ValidationError } from './errors';
import { afterPublicChange, stageFrontPageChange } from './public-changes';
import { listFrontSections, liveLayout, resolveFront, type ResolvedFront, type SlotFills } from './public-front';
import { assertCan, type Viewer } from './viewer';
import { liveWhere } from './live';

// The front page as the desk arranges it: one shared draft, saved as editors work; published
// versions (the newest is live), scheduled ones, and restores of old ones. Every change is audited.

const DRAFT_ID = 'front';

/** Times are formatted here, on the newsroom's clock: the desk's components run in the browser. */
export type FrontStory = { id: string; headline: string; section: string; live: boolean; published: string };
export type FrontVersionRow = { id: string; number: number; status: 'SCHEDULED' | 'PUBLISHED' | 'CANCELLED'; note: string; by: string; at: Date; when: string; lead: string | null };
export type FrontDesk = {
  layout: FrontLayout;
  draftVersion: number;
  draft: { by: string; when: string } | null;
  sections: { name: string; slug: string }[];
  stories: Record<string, FrontStory>;
  /** What readers would see in each slot if this arrangement went live now. */
  fills: SlotFills;
  live: FrontVersionRow | null;
  scheduled: FrontVersionRow[];
  history: FrontVersionRow[];
};

const storySelect = { id: true, headline: true, status: true, publishedAt: true, section: { select: { name: true } } } as const satisfies Prisma.StorySelect;
type StoryRow = Prisma.StoryGetPayload<{ select: typeof storySelect }>;

function toFrontStory(row: StoryRow): FrontStory {
  const live = row.status === 'PUBLISHED' && row.publishedAt !== null && row.publishedAt <= new Date();
  return { id: row.id, headline: row.headline, section: row.section?.name ?? '', live, published: row.publishedAt ? formatDate(row.publishedAt) : '' };
}

async function storiesById(ids: string[]): Promise<Record<string, FrontStory>> {
  const rows = ids.length ? await db.story.findMany({ where: { id: { in: ids } }, select: storySelect }) : [];
  return Object.fromEntries(rows.map((r) => [r.id, toFrontStory(r)]));
}

const versionSelect = { id: true, number: true, status: true, note: true, layout: true, publishedAt: true, publishAt: true, createdAt: true, createdBy: { select: { name: true } } } as const;
type VersionRow = Prisma.FrontVersionGetPayload<{ select: typeof versionSelect }>;

function toVersionRow(row: VersionRow, headlines: Record<string, FrontStory>): FrontVersionRow {
  const lead = frontLayoutSchema.safeParse(row.layout).data?.lead ?? null;
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    note: row.note,
    by: row.createdBy?.name ?? 'Scheduled publication',
    at: row.publishedAt ?? row.publishAt ?? row.createdAt,
    when: formatDateTime(row.publishedAt ?? row.publishAt ?? row.createdAt),
    lead: lead ? (headlines[lead]?.headline ?? null) : null,
  };
}

const HISTORY = 30;

/** What the front page desk shows: the draft (or the live arrangement), versions and their stories. */
export async function getFrontDesk(viewer: Viewer | null): Promise<FrontDesk> {
  assertCan(viewer, 'front.arrange');
  const sections = await listFrontSections();
  const [draft, live, versions] = await Promise.all([
    db.frontDraft.findUnique({ where: { id: DRAFT_ID }, select: { layout: true, version: true, updatedAt: true, updatedBy: { select: { name: true } } } }),
    liveLayout(sections),
    db.frontVersion.findMany({ where: { status: { in: ['PUBLISHED', 'SCHEDULED'] } }, orderBy: { number: 'desc' }, take: HISTORY, select: versionSelect }),
  ]);
  const fromDraft = draft ? frontLayoutSchema.safeParse(draft.layout).data : undefined;
  const layout = fromDraft ?? live;
  const leads = versions.flatMap((v) => frontLayoutSchema.safeParse(v.layout).data?.lead ?? []);
  const stories = await storiesById([...new Set([...storyIdsIn(layout), ...leads])]);
  const rows = versions.map((v) => toVersionRow(v, stories));
  const { fills } = await resolveFront(layout, sections);
  const published = rows.filter((v) => v.status === 'PUBLISHED');
  return {
    layout,
    draftVersion: draft?.version ?? 0,
    draft: draft ? { by: draft.updatedBy.name, when: formatDateTime(draft.updatedAt) } : null,
    sections,
    stories,
    fills,
    live: published[0] ?? null,
    scheduled: rows.filter((v) => v.status === 'SCHEDULED').sort((a, b) => a.at.getTime() - b.at.getTime()),
    history: published,
  };
}

/** Published stories whose headline matches, newest first, for the slot pickers. */
export async function searchFrontStories(viewer: Viewer | null, query: string): Promise<FrontStory[]> {
  assertCan(viewer, 'front.arrange');
  const words = query.trim().split(/\s+/).filter(Boolean).slice(0, 8);
  const rows = await db.story.findMany({
    where: { ...liveWhere(), AND: words.map((w) => ({ headline: { contains: w, mode: 'insensitive' as const } })) },
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: 8,
    select: storySelect,
  });
  return rows.map(toFrontStory);
}

async function checkSections(layout: FrontLayout): Promise<void> {
  const known = new Set((await listFrontSections()).map((s) => s.slug));
  const unknown = layout.sections.find((s) => !known.has(s.slug));
  if (unknown) throw new ValidationError(`There is no section “${unknown.slug}”.`);
}

/**
 * Saves the shared draft if nobody else saved it since `baseVersion`; returns the new version and
 * what each slot would show with it.
 */
export async function saveFrontDraft(viewer: Viewer | null, layout: FrontLayout, baseVersion: number): Promise<{ version: number; fills: SlotFills }> {
  const version = await writeDraft(viewer, layout, baseVersion);
  const { fills } = await resolveFront(layout, await listFrontSections());
  return { version, fills };
}

async function writeDraft(viewer: Viewer | null, layout: FrontLayout, baseVersion: number): Promise<number> {
  assertCan(viewer, 'front.arrange');
  await checkSections(layout);
  const stories = await storiesById(storyIdsIn(layout));
  if (storyIdsIn(layout).some((id) => !(id in stories))) throw new ValidationError('One of the chosen stories no longer exists.');
  const value = layout as unknown as Prisma.InputJsonValue;
  if (baseVersion === 0) {
    try {
      await db.frontDraft.create({ data: { id: DRAFT_ID, layout: value, updatedById: viewer.id } });
      return 1;
    } catch {
      throw new ConflictError('Another editor started a draft of the front page at the same time. Reload to see it.');
    }
  }
  const { count } = await db.frontDraft.updateMany({ where: { id: DRAFT_ID, version: baseVersion }, data: { layout: value, updatedById: viewer.id, version: { increment: 1 } } });
  if (count === 0) throw new ConflictError('Another editor changed the front page draft, or it was published. Reload to see the current one.');
  return baseVersion + 1;
}

/** Every chosen story must be live when the version goes live (now, or at a scheduled time). */
async function checkStoriesLive(layout: FrontLayout, at: Date | null): Promise<void> {
  const stories = await db.story.findMany({ where: { id: { in: storyIdsIn(layout) } }, select: { ...storySelect, scheduledAt: true, takenDownAt: true } });
  const byId = new Map(stories.map((s) => [s.id, s]));
  for (const id of storyIdsIn(layout)) {
    const story = byId.get(id);
    if (!story) throw new ValidationError('One of the chosen stories no longer exists.');
    const when = at ?? new Date();
    const liveBy = story.status === 'PUBLISHED' ? story.publishedAt! <= when : story.status === 'SCHEDULED' && at !== null && story.scheduledAt! <= at;
    if (story.takenDownAt) throw new ValidationError(`“${story.headline}” is taken down for legal reasons. Choose another story for its slot.`);
    if (!liveBy) throw new ValidationError(`“${story.headline}” is not published${at ? ' by that time' : ''}. Choose a published story for its slot.`);
  }
}

type PublishInput = { layout: FrontLayout; note: string; publishAt: Date | null };

/** Publishes the arrangement now, or schedules it; the draft is done with either way. */
export async function publishFront(viewer: Viewer | null, input: PublishInput): Promise<{ id: string; number: number; scheduled: boolean }> {
  assertCan(viewer, 'front.arrange');
  await checkSections(input.layout);
  const scheduled = input.publishAt !== null;
  if (input.publishAt && input.publishAt.getTime() <= Date.now()) throw new ValidationError('Choose a time in the future, or publish now.');
  await checkStoriesLive(input.layout, input.publishAt);
  const { version, change } = await db.$transaction(async (tx) => {
    const created = await tx.frontVersion.create({
      data: {
        status: scheduled ? 'SCHEDULED' : 'PUBLISHED',
        layout: input.layout as unknown as Prisma.InputJsonValue,
        note: input.note,
        createdById: viewer.id,
        publishAt: input.publishAt,
        publishedAt: scheduled ? null : new Date(),
      },
      select: { id: true, number: true },
    });
    await tx.frontDraft.deleteMany({ where: { id: DRAFT_ID } });
    await recordAudit(tx, {
      actorId: viewer.id,
      action: scheduled ? 'front.schedule' : 'front.publish',
      entityType: 'front',
      entityId: created.id,
      toState: scheduled ? 'SCHEDULED' : 'PUBLISHED',
      note: input.note || (scheduled ? `Version ${created.number}, for ${input.publishAt!.toISOString()}` : `Version ${created.number}`),
    });
    return { version: created, change: scheduled ? null : await stageFrontPageChange(tx) };
  });
  if (scheduled) await enqueueFrontPublication(input.publishAt!);
  await afterPublicChange(change);
  return { ...version, scheduled };
}

/** Publishes an earlier version's arrangement again, as a new version. */
export async function restoreFrontVersion(viewer: Viewer | null, versionId: string): Promise<{ number: number }> {
  assertCan(viewer, 'front.arrange');
  const old = await db.frontVersion.findUnique({ where: { id: versionId }, select: { number: true, layout: true, status: true } });
  const layout = old ? frontLayoutSchema.safeParse(old.layout).data : undefined;
  if (!old || old.status !== 'PUBLISHED' || !layout) throw new NotFoundError('That front page version does not exist.');
  // Stories unpublished since then leave their slots, which the newest stories fill.
  const live = new Set((await db.story.findMany({ where: { id: { in: storyIdsIn(layout) }, ...liveWhere() }, select: { id: true } })).map((s) => s.id));
  const restored = storyIdsIn(layout).filter((id) => !live.has(id)).reduce(withoutStory, layout);
  const { number } = await publishFront(viewer, { layout: restored, note: `Restored version ${old.number}`, publishAt: null });
  return { number };
}

export async function cancelScheduledFront(viewer: Viewer | null, versionId: string): Promise<void> {
  assertCan(viewer, 'front.arrange');
  const { count } = await db.$transaction(async (tx) => {
    const result = await tx.frontVersion.updateMany({ where: { id: versionId, status: 'SCHEDULED' }, data: { status: 'CANCELLED' } });
    if (result.count) await recordAudit(tx, { actorId: viewer.id, action: 'front.unschedule', entityType: 'front', entityId: versionId, fromState: 'SCHEDULED', toState: 'CANCELLED' });
    return result;
  });
  if (count === 0) throw new ConflictError('That version is no longer scheduled.');
}

/**
 * Takes an unpublished story out of every slot, inside the unpublishing transaction: the live
 * arrangement gets a new version without it (so History shows why the page changed), scheduled
 * versions and the draft lose it in place.
 */
export async function removeStoryFromFront(tx: Prisma.TransactionClient, storyId: string, actorId: string | null, headline: string): Promise<void> {
  const live = await tx.frontVersion.findFirst({ where: { status: 'PUBLISHED' }, orderBy: { publishedAt: 'desc' }, select: { layout: true } });
  const liveLayout = live ? frontLayoutSchema.safeParse(live.layout).data : undefined;
  if (liveLayout && storyIdsIn(liveLayout).includes(storyId)) {
    const created = await tx.frontVersion.create({
      data: { status: 'PUBLISHED', layout: withoutStory(liveLayout, storyId) as unknown as Prisma.InputJsonValue, note: `Removed “${headline}”: unpublished`, createdById: actorId, publishedAt: new Date() },
      select: { id: true, number: true },
    });
    await recordAudit(tx, { actorId, action: 'front.publish', entityType: 'front', entityId: created.id, toState: 'PUBLISHED', note: `Version ${created.number}: “${headline}” unpublished` });
  }
  const others = await tx.frontVersion.findMany({ where: { status: 'SCHEDULED' }, select: { id: true, layout: true } });
  const drafts = await tx.frontDraft.findMany({ select: { id: true, layout: true } });
  for (const row of others) {
    const layout = frontLayoutSchema.safeParse(row.layout).data;
    if (layout && storyIdsIn(layout).includes(storyId)) await tx.frontVersion.update({ where: { id: row.id }, data: { layout: withoutStory(layout, storyId) as unknown as Prisma.InputJsonValue } });
  }
  for (const row of drafts) {
    const layout = frontLayoutSchema.safeParse(row.layout).data;
    if (layout && storyIdsIn(layout).includes(storyId)) await tx.frontDraft.update({ where: { id: row.id }, data: { layout: withoutStory(layout, storyId) as unknown as Prisma.InputJsonValue, version: { increment: 1 } } });
  }
}

/** The draft (or, without one, the live arrangement) filled as readers would see it now. */
export async function getFrontPreview(viewer: Viewer | null): Promise<ResolvedFront> {
  assertCan(viewer, 'front.arrange');
  const sections = await listFrontSections();
  const draft = await db.frontDraft.findUnique({ where: { id: DRAFT_ID }, select: { layout: true } });
  const layout = (draft && reconcileLayout(draft.layout, sections.map((s) => s.slug))) ?? (await liveLayout(sections));
  const { fills: _fills, ...front } = await resolveFront(layout, sections);
  return front;
}
