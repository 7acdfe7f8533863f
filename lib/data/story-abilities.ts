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

/** `blocked`: shown but refused now, for `reason` (a hold, a kill, an embargo, the checklist). */
export type StoryStep = { name: string; label: string; noteRequired?: boolean; needsTime?: boolean; update?: boolean; blocked?: boolean; reason?: string };
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
  // Steps a gate refuses stay on the page, disabled, with the reason beside them (the server
  // refuses them too, inside the write: lib/data/gates.ts).
  const publishing = steps.filter((s) => s.name === 'publish' || s.name === 'schedule');
  const checklist = publishing.length ? await storyChecklist(storyId, { update: publishing.some((s) => s.update) }) : null;
  const refusal = ({ name, update }: StoryStep): string | null => {
    if (!['approve', 'schedule', 'publish'].includes(name)) return null;
    if (story.legalHold) return 'On legal hold: nothing goes towards readers until the hold is lifted.';
    if (story.wireKilledAt) return 'The agency killed the wire item: an editor clears the kill, with a reason, first.';
    if (name === 'approve') return null;
    if (name === 'publish' && !update && story.embargoUntil && story.embargoUntil > new Date()) return 'Under embargo: schedule it for the embargo time or later.';
    if (checklist && failingRequired(checklist).length > 0) return 'Required checklist items are not done.';
    return null;
  };
  const marked = steps.map((s) => {
    const reason = refusal(s);
    return reason ? { ...s, blocked: true, reason } : s;
  });
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
