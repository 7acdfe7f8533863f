import type { StoryAction, StoryState } from '@/lib/permissions';

// The review of an update to a live story: the same states and rules as a draft (a reporter's
// update goes through review), plus "Publish update", which replaces the live version, and
// "Discard update". The live story stays PUBLISHED throughout.

export type UpdateStepName = 'start' | 'submit' | 'withdraw' | 'requestChanges' | 'approve' | 'publish' | 'discard';

export type UpdateStep = {
  name: UpdateStepName;
  label: string;
  action: StoryAction;
  /** The update states it may start from (null: no update yet). */
  from: readonly (StoryState | null)[];
  to: StoryState | null;
  /** The state the permission table is asked about, when it is not the update's own. */
  judgeAs?: StoryState;
  noteRequired?: boolean;
};

export const UPDATE_STEPS: Record<UpdateStepName, UpdateStep> = {
  start: { name: 'start', label: 'Edit as update', action: 'story.edit', from: [null], to: 'DRAFT', judgeAs: 'DRAFT' },
  submit: { name: 'submit', label: 'Submit for review', action: 'story.submit', from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'IN_REVIEW' },
  withdraw: { name: 'withdraw', label: 'Withdraw', action: 'story.withdraw', from: ['IN_REVIEW'], to: 'DRAFT' },
  requestChanges: { name: 'requestChanges', label: 'Request changes', action: 'story.requestChanges', from: ['IN_REVIEW', 'APPROVED'], to: 'CHANGES_REQUESTED', noteRequired: true },
  approve: { name: 'approve', label: 'Approve', action: 'story.approve', from: ['IN_REVIEW'], to: 'APPROVED' },
  // Editors may publish an update directly (a fix to a live story should not wait for a second
  // editor); reporters' updates reach this only through an editor.
  publish: { name: 'publish', label: 'Publish update', action: 'story.publish', from: ['DRAFT', 'IN_REVIEW', 'APPROVED'], to: null, judgeAs: 'APPROVED' },
  // Whoever may still edit the update may drop it.
  discard: { name: 'discard', label: 'Discard update', action: 'story.edit', from: ['DRAFT', 'CHANGES_REQUESTED', 'IN_REVIEW', 'APPROVED'], to: null },
};

export const UPDATE_STEP_NAMES = Object.keys(UPDATE_STEPS) as UpdateStepName[];

export function updateStepsFrom(state: StoryState | null): UpdateStep[] {
  return UPDATE_STEP_NAMES.map((n) => UPDATE_STEPS[n]).filter((s) => s.from.includes(state));
}
