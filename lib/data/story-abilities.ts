import 'server-only';
import { can, type StoryState } from '@/lib/permissions';
import { stepsFrom } from '@/lib/workflow/steps';
import { failingRequired, type ChecklistItem } from '@/lib/copydesk/checklist';
import { storyChecklist } from './checklist';
import { loadStoryFor } from './story-access';
import { getPolicy } from './settings';
import { assertCan, type Viewer } from './viewer';

// What a person may do with a story right now, as the story page shows it: the workflow steps
// offered (a live story's are its pending update's), and whether they may comment, correct, change
// the slug or review. One place: the page asks nothing of the permission table itself; the editor
// reads it again when a new story gets its first save.

export type StoryStep = { name: string; label: string; noteRequired?: boolean; needsTime?: boolean; update?: boolean; blocked?: boolean };
export type StoryAbilities = {
  status: StoryState;
  updateState: StoryState | null;
  steps: StoryStep[];
  canComment: boolean;
  checklist: ChecklistItem[] | null;
  /** Add a public correction (live stories). */
  canCorrect: boolean;
  /** Change the address of a story that has had one. */
  canChangeSlug: boolean;
  /** Review the story or its update as an editor: "what changed since you last saw it". */
  reviews: boolean;
};

export async function storyAbilities(viewer: Viewer | null, storyId: string): Promise<StoryAbilities> {
  assertCan(viewer, 'newsroom.enter');
  const story = await loadStoryFor(viewer, storyId, 'story.view');
  const ref = story.ref;
  const policy = await getPolicy();
  const steps: StoryStep[] = stepsFrom('story', story.status)
    .filter((t) => can(viewer, t.action, ref, policy))
    .map(({ name, label, noteRequired, needsTime }) => ({ name, label, noteRequired, needsTime }));
  // A live story is changed through an update: a pending version with its own review.
  if (story.status === 'PUBLISHED') {
    const state = story.updateState ?? null;
    const updateSteps = stepsFrom('update', state).filter((s) => can(viewer, s.action, { status: s.judgeAs ?? state ?? 'DRAFT', authorIds: ref.authorIds }, policy));
    steps.unshift(...updateSteps.map(({ name, label, noteRequired }) => ({ name, label, noteRequired, update: true })));
  }
  // A legal hold or a wire kill takes Approve, Schedule and Publish off the page (the server
  // refuses them too).
  const held = new Set(['approve', 'schedule', 'publish']);
  const offered = story.legalHold || story.wireKilledAt ? steps.filter((s) => !held.has(s.name)) : steps;
  // Beside Publish and Schedule: the checklist, whose failed required items disable both.
  const publishing = offered.filter((s) => s.name === 'publish' || s.name === 'schedule');
  const checklist = publishing.length ? await storyChecklist(storyId, { update: publishing.some((s) => s.update) }) : null;
  const blocked = checklist ? failingRequired(checklist).length > 0 : false;
  const marked = offered.map((s) => (blocked && (s.name === 'publish' || s.name === 'schedule') ? { ...s, blocked } : s));
  const inReview = story.status === 'IN_REVIEW' || story.updateState === 'IN_REVIEW';
  return {
    status: story.status,
    updateState: story.updateState ?? null,
    steps: marked,
    canComment: can(viewer, 'story.comment', ref),
    checklist,
    canCorrect: can(viewer, 'story.correct', ref, policy),
    canChangeSlug: story.firstPublishedAt !== null && can(viewer, 'story.changeSlug', ref, policy),
    reviews: inReview && can(viewer, 'story.requestChanges', { status: 'IN_REVIEW', authorIds: ref.authorIds }, policy),
  };
}
