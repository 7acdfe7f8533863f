import 'server-only';
import { db } from '@/lib/db';
import { can, type StoryState } from '@/lib/permissions';
import { recordAudit } from './audit';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from './errors';
import { createStory } from './stories';
import { assertCan, type Viewer } from './viewer';
import { blankStory } from '@/lib/editor/blank-story';

// The planning budget: the stories the desk expects, with who writes them, when, and how long,
// before a word exists. "Start story" makes a line's draft; from then on the line shows the story.

export type BudgetRow = {
  id: string;
  slugline: string;
  summary: string;
  section: string | null;
  assignee: { id: string; name: string } | null;
  dueAt: Date;
  plannedWords: number;
  status: 'PLANNED' | 'ASSIGNED' | 'IN_PROGRESS' | 'FILED' | 'CANCELLED';
  story: { id: string; headline: string; status: StoryState; wordCount: number } | null;
  late: boolean;
  canStart: boolean;
};

// A story counts as filed once its reporter has handed it in.
const FILED: StoryState[] = ['IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED'];

export async function listBudget(viewer: Viewer | null, range: { from: Date; to: Date }): Promise<BudgetRow[]> {
  assertCan(viewer, 'newsroom.enter');
  const rows = await db.budgetLine.findMany({
    where: { dueAt: { gte: range.from, lt: range.to } },
    orderBy: [{ dueAt: 'asc' }, { slugline: 'asc' }],
    take: 500,
    select: {
      id: true,
      slugline: true,
      summary: true,
      dueAt: true,
      plannedWords: true,
      status: true,
      section: { select: { name: true } },
      assignee: { select: { id: true, name: true } },
      story: { select: { id: true, headline: true, status: true, wordCount: true } },
    },
  });
  const now = new Date();
  return rows.map((r) => {
    const filed = r.status === 'FILED' || r.status === 'CANCELLED' || (r.story !== null && FILED.includes(r.story.status));
    return {
      ...r,
      section: r.section?.name ?? null,
      late: !filed && r.dueAt < now,
      canStart: r.story === null && r.status !== 'CANCELLED' && (r.assignee === null || r.assignee.id === viewer.id || can(viewer, 'budget.assign')),
    };
  });
}

type LineInput = { slugline: string; summary: string; sectionId: string | null; assigneeId: string | null; dueAt: Date; plannedWords: number };

/** Anyone in the newsroom may add a line (reporters pitch); audited. */
export async function createBudgetLine(viewer: Viewer | null, input: LineInput): Promise<{ id: string }> {
  assertCan(viewer, 'newsroom.enter');
  if (input.sectionId && !(await db.section.count({ where: { id: input.sectionId } }))) throw new ValidationError('Choose a section from the list.', { sectionId: ['Choose a section from the list.'] });
  if (input.assigneeId && !(await db.user.count({ where: { id: input.assigneeId, active: true } }))) throw new ValidationError('Choose a person from the list.', { assigneeId: ['Choose a person from the list.'] });
  if (input.assigneeId && input.assigneeId !== viewer.id && !can(viewer, 'budget.assign')) throw new ForbiddenError('Reporters assign budget lines to themselves; an editor assigns them to others.');
  return db.$transaction(async (tx) => {
    const line = await tx.budgetLine.create({ data: { ...input, status: input.assigneeId ? 'ASSIGNED' : 'PLANNED', createdById: viewer.id }, select: { id: true } });
    await recordAudit(tx, { actorId: viewer.id, action: 'budget.create', entityType: 'budget', entityId: line.id, note: input.slugline });
    return line;
  });
}

/** Turns a line into a draft with the line's slugline, summary, section and byline, linked to it. */
export async function startStoryFromLine(viewer: Viewer | null, lineId: string): Promise<{ storyId: string }> {
  assertCan(viewer, 'story.create');
  const line = await db.budgetLine.findUnique({ where: { id: lineId }, select: { slugline: true, summary: true, sectionId: true, assigneeId: true, storyId: true, status: true } });
  if (!line) throw new NotFoundError('That budget line does not exist.');
  if (line.storyId) throw new ConflictError('This line already has its story.');
  if (line.status === 'CANCELLED') throw new ConflictError('This line was cancelled.');
  if (line.assigneeId && line.assigneeId !== viewer.id && !can(viewer, 'budget.assign')) throw new ForbiddenError('This line is assigned to someone else.');
  const byline = line.assigneeId ?? viewer.id;
  const { id } = await createStory(viewer, { ...blankStory(byline, line.sectionId), headline: line.slugline, dek: line.summary.slice(0, 400) });
  const linked = await db.$transaction(async (tx) => {
    const { count } = await tx.budgetLine.updateMany({ where: { id: lineId, storyId: null }, data: { storyId: id, status: 'IN_PROGRESS', assigneeId: byline } });
    if (count) await recordAudit(tx, { actorId: viewer.id, action: 'budget.start', entityType: 'budget', entityId: lineId, storyId: id, note: line.slugline });
    return count;
  });
  // Two people pressing Start story at once: the second draft is removed, the first is the line's.
  if (!linked) {
    await db.story.delete({ where: { id } });
    throw new ConflictError('Someone else started this story a moment ago.');
  }
  return { storyId: id };
}

export async function cancelBudgetLine(viewer: Viewer | null, lineId: string): Promise<void> {
  assertCan(viewer, 'newsroom.enter');
  if (!can(viewer, 'budget.cancel')) throw new ForbiddenError('Editors cancel budget lines.');
  await db.$transaction(async (tx) => {
    const { count } = await tx.budgetLine.updateMany({ where: { id: lineId, storyId: null, status: { not: 'CANCELLED' } }, data: { status: 'CANCELLED' } });
    if (!count) throw new ConflictError('This line has a story or is already cancelled.');
    await recordAudit(tx, { actorId: viewer.id, action: 'budget.cancel', entityType: 'budget', entityId: lineId });
  });
}
