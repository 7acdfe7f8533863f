import type { StoryAction, StoryState } from '@/lib/permissions';

// The editorial state machine, in one table read by the engine (lib/data/workflow.ts), the buttons
// (lib/data/story-abilities.ts) and the tests. A step has a target: the story itself, or the
// pending update of a live story (the story stays PUBLISHED while its update goes through the same
// review as a draft). Each step names the permission it needs (lib/permissions.ts decides who),
// the states it may start from, where it leads and who hears about it. The labels are the
// accessible names of the buttons.

export type StepTarget = 'story' | 'update';
export type TransitionName = 'submit' | 'withdraw' | 'requestChanges' | 'approve' | 'schedule' | 'unschedule' | 'publish' | 'unpublish';
export type UpdateStepName = 'start' | 'submit' | 'withdraw' | 'requestChanges' | 'approve' | 'publish' | 'discard';
export type StepName<T extends StepTarget> = T extends 'story' ? TransitionName : UpdateStepName;

/** What a notification says: who did it, to which headline, with the note and the time. */
type Message = (who: string, headline: string, note: string, when: string) => string;

export type Step = {
  name: string;
  label: string;
  action: StoryAction;
  /** The states it may start from (for an update, null: no update yet). */
  from: readonly (StoryState | null)[];
  to: StoryState | null;
  /** The state the permission table is asked about, when it is not the target's own. */
  judgeAs?: StoryState;
  noteRequired?: boolean;
  /** Sets the public publication time. */
  publishes?: boolean;
  /** Needs a publication time in the future. */
  needsTime?: boolean;
  /** The copy desk's gate (lib/data/gates.ts) must pass first. */
  gated?: boolean;
  /** Who is told, and in what words: editors (a submission) or the story's bylines. */
  tells?: { who: 'editors' | 'bylines'; message: Message };
};

const toEditors = (message: Message) => ({ who: 'editors' as const, message });
const toBylines = (message: Message) => ({ who: 'bylines' as const, message });

const STORY: Record<TransitionName, Step> = {
  submit: {
    name: 'submit', label: 'Submit for review', action: 'story.submit', from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'IN_REVIEW', gated: true,
    tells: toEditors((who, headline) => `${who} submitted “${headline}” for review.`),
  },
  withdraw: { name: 'withdraw', label: 'Withdraw', action: 'story.withdraw', from: ['IN_REVIEW'], to: 'DRAFT' },
  requestChanges: {
    name: 'requestChanges', label: 'Request changes', action: 'story.requestChanges', from: ['IN_REVIEW', 'APPROVED'], to: 'CHANGES_REQUESTED', noteRequired: true,
    tells: toBylines((who, headline, note) => `${who} asked for changes to “${headline}”: ${note}`),
  },
  approve: {
    name: 'approve', label: 'Approve', action: 'story.approve', from: ['IN_REVIEW'], to: 'APPROVED', gated: true,
    tells: toBylines((who, headline) => `${who} approved “${headline}”.`),
  },
  schedule: {
    name: 'schedule', label: 'Schedule', action: 'story.schedule', from: ['APPROVED', 'SCHEDULED'], to: 'SCHEDULED', needsTime: true, gated: true,
    tells: toBylines((who, headline, _note, when) => `${who} scheduled “${headline}” for ${when}.`),
  },
  unschedule: { name: 'unschedule', label: 'Unschedule', action: 'story.unschedule', from: ['SCHEDULED'], to: 'APPROVED' },
  publish: {
    name: 'publish', label: 'Publish', action: 'story.publish', from: ['APPROVED', 'SCHEDULED'], to: 'PUBLISHED', publishes: true, gated: true,
    tells: toBylines((who, headline) => `${who} published “${headline}”.`),
  },
  unpublish: { name: 'unpublish', label: 'Unpublish', action: 'story.unpublish', from: ['PUBLISHED'], to: 'UNPUBLISHED' },
};

const UPDATE: Record<UpdateStepName, Step> = {
  start: { name: 'start', label: 'Edit as update', action: 'story.edit', from: [null], to: 'DRAFT', judgeAs: 'DRAFT' },
  submit: {
    ...STORY.submit,
    tells: toEditors((who, headline) => `${who} submitted an update to “${headline}” for review.`),
  },
  withdraw: STORY.withdraw,
  requestChanges: {
    ...STORY.requestChanges,
    tells: toBylines((who, headline, note) => `${who} asked for changes to the update of “${headline}”: ${note}`),
  },
  approve: { ...STORY.approve, tells: undefined },
  // Editors may publish an update directly (a fix to a live story should not wait for a second
  // editor); reporters' updates reach this only through an editor.
  publish: {
    name: 'publish', label: 'Publish update', action: 'story.publish', from: ['DRAFT', 'IN_REVIEW', 'APPROVED'], to: null, judgeAs: 'APPROVED', gated: true,
    tells: toBylines((who, headline) => `${who} published an update to “${headline}”.`),
  },
  // Whoever may still edit the update may drop it.
  discard: { name: 'discard', label: 'Discard update', action: 'story.edit', from: ['DRAFT', 'CHANGES_REQUESTED', 'IN_REVIEW', 'APPROVED'], to: null },
};

export const STEPS: { story: Record<TransitionName, Step>; update: Record<UpdateStepName, Step> } = { story: STORY, update: UPDATE };
export const TRANSITION_NAMES = Object.keys(STORY) as TransitionName[];
export const UPDATE_STEP_NAMES = Object.keys(UPDATE) as UpdateStepName[];

/** The steps that start from a state of the target, in the table's order. */
export function stepsFrom(target: StepTarget, state: StoryState | null): Step[] {
  return Object.values<Step>(STEPS[target]).filter((s) => s.from.includes(state));
}
