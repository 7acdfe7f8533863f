import 'server-only';
import { db } from '@/lib/db';
import { can, type StoryState } from '@/lib/permissions';
import { transitionsFrom } from '@/lib/workflow/transitions';
import { updateStepsFrom } from '@/lib/workflow/updates';
import { failingRequired, type ChecklistItem } from '@/lib/copydesk/checklist';
import { storyChecklist } from './checklist';
import { NotFoundError } from './errors';
import { getPolicy } from './settings';
import { assertCan, type Viewer } from './viewer';

// What a person may do with a story right now, as the story page shows it: the workflow steps
// offered (a live story's are its pending update's), and whether they may comment. One place, read
// by the page on render and by the editor when a new story gets its first save.

export type StoryStep = { name: string; label: string; noteRequired?: boolean; needsTime?: boolean; update?: boolean; blocked?: boolean };
export type StoryAbilities = { status: StoryState; updateState: StoryState | null; steps: StoryStep[]; canComment: boolean; checklist: ChecklistItem[] | null };

export async function storyAbilities(viewer: Viewer | null, storyId: string): Promise<StoryAbilities> {
  const story = await db.story.findUnique({ where: { id: storyId }, select: { status: true, updateState: true, legalHold: true, authors: { select: { userId: true } } } });
  if (!story) throw new NotFoundError('That story does not exist.');
  const ref = { status: story.status, authorIds: story.authors.map((a) => a.userId) };
  assertCan(viewer, 'story.view', ref);
  const policy = await getPolicy();
  const steps: StoryStep[] = transitionsFrom(story.status)
    .filter((t) => can(viewer, t.action, ref, policy))
    .map(({ name, label, noteRequired, needsTime }) => ({ name, label, noteRequired, needsTime }));
  // A live story is changed through an update: a pending version with its own review.
  if (story.status === 'PUBLISHED') {
    const state = story.updateState ?? null;
    const updateSteps = updateStepsFrom(state).filter((s) => can(viewer, s.action, { status: s.judgeAs ?? state ?? 'DRAFT', authorIds: ref.authorIds }, policy));
    steps.unshift(...updateSteps.map(({ name, label, noteRequired }) => ({ name, label, noteRequired, update: true })));
  }
  // A legal hold takes Approve, Schedule and Publish off the page (the server refuses them too).
  const held = new Set(['approve', 'schedule', 'publish']);
  const offered = story.legalHold ? steps.filter((s) => !held.has(s.name)) : steps;
  // Beside Publish and Schedule: the checklist, whose failed required items disable both.
  const publishing = offered.filter((s) => s.name === 'publish' || s.name === 'schedule');
  const checklist = publishing.length ? await storyChecklist(storyId, { update: publishing.some((s) => s.update) }) : null;
  const blocked = checklist ? failingRequired(checklist).length > 0 : false;
  const marked = offered.map((s) => (blocked && (s.name === 'publish' || s.name === 'schedule') ? { ...s, blocked } : s));
  return { status: story.status, updateState: story.updateState ?? null, steps: marked, canComment: can(viewer, 'story.comment', ref), checklist };
}
