import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseBody, type Doc } from '@/lib/editor/schema';
import { toPlainText } from '@/lib/editor/plain-text';
import { can } from '@/lib/permissions';
import { liveEntrySchema, type LiveEntryInput } from '@/lib/validations/live';
import { recordAudit } from './audit';
import { embedIds, embedsFor } from './body-embeds';
import { withStoredEmbeds } from './body-images';
import { ForbiddenError, NotFoundError, ValidationError, VersionConflictError } from './errors';
import { afterPublicChange, stageStoryChange } from './public-changes';
import { loadStoryFor, lockStory, type AccessedStory } from './story-access';
import { assertStyleClean } from './style';
import { assertCan, type Viewer } from './viewer';
import { entryStyleText } from '@/lib/copydesk/entry-text';

// A live blog's entries. Contributors (the blog's bylines and the people added under Contributors)
// post them; editors approve them when the blog's entries need an editor, pin one, withdraw any,
// and end or resume coverage. An entry passes the copy desk's style checks like a story. While the
// blog is on legal hold nothing about it reaches readers, so no entry is published then. Every
// change that readers see is staged in its own transaction (the cache NOTIFY and the front's
// purge), so the blog's page and its live.json refresh once per change, however many poll them.

type Blog = AccessedStory & { contributorIds: string[]; entriesNeedEditor: boolean; coverageEndedAt: Date | null };

/** The blog, if `viewer` may `action` on it; contributors count as its own people for `live.post`. */
async function loadBlogFor(viewer: Viewer, storyId: string, action: 'live.post' | 'live.moderate'): Promise<Blog> {
  const story = await loadStoryFor(viewer, storyId, null);
  const extra = await db.story.findUnique({
    where: { id: storyId },
    select: { format: true, entriesNeedEditor: true, coverageEndedAt: true, contributors: { select: { userId: true } } },
  });
  if (!extra || extra.format !== 'LIVE') throw new NotFoundError('That story is not a live blog.');
  const contributorIds = extra.contributors.map((c) => c.userId);
  const people = [...new Set([...story.authorIds, ...contributorIds])];
  if (!can(viewer, action, { status: story.status, authorIds: people })) {
    throw new ForbiddenError(action === 'live.post' ? 'Only the blog’s contributors and editors can post to it.' : undefined);
  }
  return { ...story, contributorIds, entriesNeedEditor: extra.entriesNeedEditor, coverageEndedAt: extra.coverageEndedAt };
}

/** The entry and its blog, if `viewer` may change it: its author (still a contributor), or an editor. */
async function loadEntryFor(viewer: Viewer, entryId: string, moderate = false) {
  const entry = await db.liveEntry.findUnique({ where: { id: entryId }, select: { id: true, storyId: true, authorId: true, status: true, version: true, headline: true, body: true } });
  if (!entry) throw new NotFoundError('That entry does not exist.');
  const own = entry.authorId === viewer.id && !moderate;
  const blog = await loadBlogFor(viewer, entry.storyId, own ? 'live.post' : 'live.moderate');
  return { entry, blog };
}

function checkedEntry(input: unknown): { headline: string; body: Prisma.InputJsonValue; keyEvent: boolean; text: string; doc: ReturnType<typeof parseBody> & { ok: true } } {
  const parsed = liveEntrySchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ValidationError(issue?.message ?? 'That entry is not valid.', issue ? { [String(issue.path[0] ?? 'body')]: [issue.message] } : {});
  }
  const body = parseBody(parsed.data.body);
  if (!body.ok) throw new ValidationError(`The entry’s text is not valid: ${body.error}`, { body: [body.error] });
  const text = toPlainText(body.doc).trim();
  if (!text) throw new ValidationError('Write the entry before posting it.', { body: ['Write the entry before posting it.'] });
  return { headline: parsed.data.headline, body: body.doc as unknown as Prisma.InputJsonValue, keyEvent: parsed.data.keyEvent, text, doc: body };
}

/** Embeds in an entry are ones the newsroom resolved, stored as their rows say (as a story's are). */
async function withEmbeds(entry: ReturnType<typeof checkedEntry>): Promise<ReturnType<typeof checkedEntry>> {
  const embeds = await embedsFor(db, entry.doc.doc);
  if (!embeds) return entry;
  if (embedIds(entry.doc.doc).some((id) => !embeds.rows.has(id))) {
    const message = 'An embed in the entry was not resolved by the newsroom: insert it again with Embed.';
    throw new ValidationError(message, { body: [message] });
  }
  const doc = withStoredEmbeds(entry.doc.doc, embeds);
  return { ...entry, body: doc as unknown as Prisma.InputJsonValue, doc: { ok: true, doc } };
}

/**
 * The same style checks a story passes, on the entry's own headline and text (the composer runs
 * the same `entryStyleText` as the reporter types); an editor's override on the blog applies.
 */
async function assertEntryClean(tx: Prisma.TransactionClient, blog: Blog, entry: ReturnType<typeof checkedEntry>) {
  await assertStyleClean(tx, blog.id, entryStyleText(entry.headline, entry.doc.doc, blog.section?.slug ?? null));
}

/** Re-read under the blog's lock: what decides whether an entry may reach readers now. */
async function blogNow(tx: Prisma.TransactionClient, storyId: string) {
  await lockStory(tx, storyId);
  return tx.story.findUniqueOrThrow({ where: { id: storyId }, select: { status: true, legalHold: true, legalHoldReason: true, coverageEndedAt: true } });
}

function refuseWhileHeld(now: { legalHold: boolean; legalHoldReason: string }) {
  if (now.legalHold) {
    throw new ValidationError(`This live blog is on legal hold${now.legalHoldReason ? ` (${now.legalHoldReason})` : ''}: no entry reaches readers until the hold is lifted. Keep your text and post it then.`);
  }
}

/** The entry's body for the composer that edits it (a damaged one opens empty rather than failing the page). */
function deskBody(body: unknown): Doc {
  const parsed = parseBody(body);
  return parsed.ok ? parsed.doc : EMPTY;
}

/** The entry's words, for the audit trail. */
function entryText(body: unknown): string {
  const parsed = parseBody(body);
  return parsed.ok ? toPlainText(parsed.doc) : '';
}

const audit = (tx: Prisma.TransactionClient, viewer: Viewer, storyId: string, action: string, entryId: string, note: string) =>
  recordAudit(tx, { actorId: viewer.id, action, entityType: 'liveEntry', entityId: entryId, storyId, note: note.slice(0, 2000) });

/** Readers see a change only while the blog itself is published (and not taken down: the public reads ask). */
const readersSee = (status: string) => status === 'PUBLISHED';

export type PostedEntry = { id: string; status: 'PENDING' | 'PUBLISHED'; version: number };

/**
 * Posts an entry. A contributor's entry waits for an editor when the blog says so; an editor's (or
 * any entry of a blog that does not) is published at once. Refused after coverage ended, while the
 * blog is on legal hold, and while a style error stands.
 */
export async function postEntry(viewer: Viewer | null, storyId: string, input: LiveEntryInput): Promise<PostedEntry> {
  assertCan(viewer, 'newsroom.enter');
  const blog = await loadBlogFor(viewer, storyId, 'live.post');
  const entry = await withEmbeds(checkedEntry(input));
  const waits = blog.entriesNeedEditor && !can(viewer, 'live.moderate', blog.ref);
  const { posted, change } = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, storyId);
    if (now.coverageEndedAt) throw new ValidationError('Coverage has ended: resume coverage to post entries.');
    refuseWhileHeld(now);
    await assertEntryClean(tx, blog, entry);
    const at = new Date();
    const created = await tx.liveEntry.create({
      data: { storyId, authorId: viewer.id, headline: entry.headline, body: entry.body, keyEvent: entry.keyEvent, status: waits ? 'PENDING' : 'PUBLISHED', postedAt: waits ? null : at },
      select: { id: true, status: true, version: true },
    });
    await audit(tx, viewer, storyId, waits ? 'live.entry.submit' : 'live.entry.post', created.id, entry.text);
    return { posted: created, change: !waits && readersSee(now.status) ? await stageStoryChange(tx, storyId) : null };
  });
  await afterPublicChange(change);
  return posted as PostedEntry;
}

/** Edits an entry (its author or an editor). A published entry shows "Corrected" with the time. */
export async function editEntry(viewer: Viewer | null, entryId: string, input: LiveEntryInput & { baseVersion: number }): Promise<{ version: number }> {
  assertCan(viewer, 'newsroom.enter');
  const { entry: before, blog } = await loadEntryFor(viewer, entryId);
  if (before.status === 'WITHDRAWN') throw new ValidationError('This entry was withdrawn; post a new one instead.');
  // Where entries need an editor, a contributor's change to a published one would skip the editor.
  if (before.status === 'PUBLISHED' && blog.entriesNeedEditor && !can(viewer, 'live.moderate', blog.ref)) {
    throw new ForbiddenError('On this blog an editor corrects published entries: ask one, or leave a comment on the story.');
  }
  const { baseVersion: _base, ...fields } = input;
  const entry = await withEmbeds(checkedEntry(fields));
  const { version, change } = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, blog.id);
    if (before.status === 'PUBLISHED') refuseWhileHeld(now);
    await assertEntryClean(tx, blog, entry);
    const { count } = await tx.liveEntry.updateMany({
      where: { id: entryId, version: input.baseVersion, status: before.status },
      data: { headline: entry.headline, body: entry.body, keyEvent: entry.keyEvent, version: { increment: 1 }, ...(before.status === 'PUBLISHED' ? { correctedAt: new Date() } : {}) },
    });
    if (count === 0) throw new VersionConflictError('Someone else changed this entry since you opened it; reload it and try again.', { version: before.version });
    await audit(tx, viewer, blog.id, 'live.entry.edit', entryId, entry.text);
    return { version: input.baseVersion + 1, change: before.status === 'PUBLISHED' && readersSee(now.status) ? await stageStoryChange(tx, blog.id) : null };
  });
  await afterPublicChange(change);
  return { version };
}

/** Takes an entry away from readers (its author or an editor); the newsroom keeps it. */
export async function withdrawEntry(viewer: Viewer | null, entryId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const { entry, blog } = await loadEntryFor(viewer, entryId);
  const change = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, blog.id);
    const { count } = await tx.liveEntry.updateMany({ where: { id: entryId, status: { not: 'WITHDRAWN' } }, data: { status: 'WITHDRAWN', pinned: false, withdrawnAt: new Date(), version: { increment: 1 } } });
    if (count === 0) throw new ValidationError('This entry was already withdrawn.');
    await audit(tx, viewer, blog.id, 'live.entry.withdraw', entryId, entryText(entry.body));
    return entry.status === 'PUBLISHED' && readersSee(now.status) ? stageStoryChange(tx, blog.id) : null;
  });
  await afterPublicChange(change);
}

/** An editor publishes an entry that waited for one. */
export async function approveEntry(viewer: Viewer | null, entryId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const { entry, blog } = await loadEntryFor(viewer, entryId, true);
  const checked = checkedEntry({ headline: entry.headline, body: entry.body, keyEvent: false });
  const change = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, blog.id);
    refuseWhileHeld(now);
    await assertEntryClean(tx, blog, checked);
    const { count } = await tx.liveEntry.updateMany({ where: { id: entryId, status: 'PENDING' }, data: { status: 'PUBLISHED', postedAt: new Date(), version: { increment: 1 } } });
    if (count === 0) throw new ValidationError('This entry is not waiting for an editor.');
    await audit(tx, viewer, blog.id, 'live.entry.approve', entryId, checked.text);
    return readersSee(now.status) ? stageStoryChange(tx, blog.id) : null;
  });
  await afterPublicChange(change);
}

/** Pins a published entry under the summary (one at a time), or unpins it. Editors. */
export async function pinEntry(viewer: Viewer | null, entryId: string, pinned: boolean): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const { entry, blog } = await loadEntryFor(viewer, entryId, true);
  const change = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, blog.id);
    if (pinned && entry.status !== 'PUBLISHED') throw new ValidationError('Only a published entry can be pinned.');
    if (pinned) await tx.liveEntry.updateMany({ where: { storyId: blog.id, pinned: true }, data: { pinned: false } });
    await tx.liveEntry.update({ where: { id: entryId }, data: { pinned } });
    await audit(tx, viewer, blog.id, pinned ? 'live.entry.pin' : 'live.entry.unpin', entryId, entry.headline);
    return readersSee(now.status) ? stageStoryChange(tx, blog.id) : null;
  });
  await afterPublicChange(change);
}

/** Ends coverage (readers see that it ended, and when), or resumes it. Editors. */
export async function setCoverage(viewer: Viewer | null, storyId: string, running: boolean): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadBlogFor(viewer, storyId, 'live.moderate');
  const change = await db.$transaction(async (tx) => {
    const now = await blogNow(tx, storyId);
    if (running === !now.coverageEndedAt) throw new ValidationError(running ? 'Coverage is running.' : 'Coverage has already ended.');
    await tx.story.update({ where: { id: storyId }, data: { coverageEndedAt: running ? null : new Date() } });
    await recordAudit(tx, { actorId: viewer.id, action: running ? 'live.coverage.resume' : 'live.coverage.end', entityType: 'story', entityId: storyId, storyId });
    return readersSee(now.status) ? stageStoryChange(tx, storyId) : null;
  });
  await afterPublicChange(change);
}

/** Who may post besides the bylines, and whether their entries wait for an editor. Editors. */
export async function setBlogPeople(viewer: Viewer | null, storyId: string, input: { contributorIds: string[]; entriesNeedEditor: boolean }): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  await loadBlogFor(viewer, storyId, 'live.moderate');
  const ids = [...new Set(input.contributorIds)].slice(0, 50);
  const active = await db.user.count({ where: { id: { in: ids }, active: true } });
  if (active !== ids.length) throw new ValidationError('Contributors must be active members of the newsroom.', { contributorIds: ['Contributors must be active members of the newsroom.'] });
  await db.$transaction(async (tx) => {
    await tx.liveContributor.deleteMany({ where: { storyId, userId: { notIn: ids } } });
    await tx.liveContributor.createMany({ data: ids.map((userId) => ({ storyId, userId, addedById: viewer.id })), skipDuplicates: true });
    await tx.story.update({ where: { id: storyId }, data: { entriesNeedEditor: input.entriesNeedEditor } });
    await recordAudit(tx, { actorId: viewer.id, action: 'live.people', entityType: 'story', entityId: storyId, storyId, note: `${ids.length} contributors; entries ${input.entriesNeedEditor ? 'need an editor' : 'go out directly'}` });
  });
}

/** Makes a draft story a live blog. Its bylines may post; a reporter's blog's entries need an editor. */
export async function makeLiveBlog(viewer: Viewer | null, storyId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.view');
  if (story.status !== 'DRAFT') throw new ValidationError('Only a draft becomes a live blog.');
  if (!can(viewer, 'story.edit', story.ref)) throw new ForbiddenError();
  await db.$transaction(async (tx) => {
    const { count } = await tx.story.updateMany({ where: { id: storyId, status: 'DRAFT', format: 'STORY' }, data: { format: 'LIVE', entriesNeedEditor: viewer.role === 'REPORTER' } });
    if (count === 0) throw new ValidationError('This story is already a live blog, or no longer a draft.');
    await recordAudit(tx, { actorId: viewer.id, action: 'live.start', entityType: 'story', entityId: storyId, storyId });
  });
}

export type DeskEntry = { id: string; headline: string; text: string; body: Doc; keyEvent: boolean; pinned: boolean; status: 'PENDING' | 'PUBLISHED' | 'WITHDRAWN'; by: string; at: Date; corrected: boolean; version: number; mine: boolean };
export type LiveDesk = { running: boolean; endedAt: Date | null; entriesNeedEditor: boolean; contributorIds: string[]; canPost: boolean; canModerate: boolean; waits: boolean; entries: DeskEntry[] };

const EMPTY: Doc = { type: 'doc', content: [{ type: 'paragraph' }] };

/** The live blog as the newsroom works on it: every entry (waiting, published, withdrawn), newest first. Null: not a live blog. */
export async function getLiveDesk(viewer: Viewer | null, storyId: string): Promise<LiveDesk | null> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.view');
  const blog = await db.story.findUnique({ where: { id: storyId }, select: { format: true, coverageEndedAt: true, entriesNeedEditor: true, contributors: { select: { userId: true } } } });
  if (!blog || blog.format !== 'LIVE') return null;
  const people = [...new Set([...story.authorIds, ...blog.contributors.map((c) => c.userId)])];
  const canPost = can(viewer, 'live.post', { status: story.status, authorIds: people });
  const canModerate = can(viewer, 'live.moderate', story.ref);
  const rows = await db.liveEntry.findMany({ where: { storyId }, orderBy: [{ postedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }, { id: 'asc' }], take: 200, select: { id: true, headline: true, body: true, keyEvent: true, pinned: true, status: true, authorId: true, createdAt: true, postedAt: true, correctedAt: true, version: true } });
  const names = new Map((await db.user.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.authorId))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return {
    running: blog.coverageEndedAt === null,
    endedAt: blog.coverageEndedAt,
    entriesNeedEditor: blog.entriesNeedEditor,
    contributorIds: blog.contributors.map((c) => c.userId),
    canPost,
    canModerate,
    waits: blog.entriesNeedEditor && !canModerate,
    entries: rows.map((r) => ({ id: r.id, headline: r.headline, text: entryText(r.body), body: deskBody(r.body), keyEvent: r.keyEvent, pinned: r.pinned, status: r.status, by: names.get(r.authorId) ?? 'someone', at: r.postedAt ?? r.createdAt, corrected: r.correctedAt !== null, version: r.version, mine: r.authorId === viewer.id })),
  };
}
