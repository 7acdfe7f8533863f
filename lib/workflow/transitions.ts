import type { StoryAction, StoryState } from '@/lib/permissions';

// The editorial state machine. Each transition names the permission it needs (lib/permissions.ts
// decides who), the states it may start from, and where it leads. The button labels are the
// accessible names people and scripts use.

export type TransitionName = 'submit' | 'withdraw' | 'requestChanges' | 'approve' | 'schedule' | 'unschedule' | 'publish' | 'unpublish';

export type Transition = {
  name: TransitionName;
  label: string;
  action: StoryAction;
  from: readonly StoryState[];
  to: StoryState;
  noteRequired?: boolean;
  /** Sets the public publication time. */
  publishes?: boolean;
  /** Needs a publication time in the future. */
  needsTime?: boolean;
};

export const TRANSITIONS: Record<TransitionName, Transition> = {
  submit: { name: 'submit', label: 'Submit for review', action: 'story.submit', from: ['DRAFT', 'CHANGES_REQUESTED'], to: 'IN_REVIEW' },
  withdraw: { name: 'withdraw', label: 'Withdraw', action: 'story.withdraw', from: ['IN_REVIEW'], to: 'DRAFT' },
  requestChanges: {
    name: 'requestChanges',
    label: 'Request changes',
    action: 'story.requestChanges',
    from: ['IN_REVIEW', 'APPROVED'],
    to: 'CHANGES_REQUESTED',
    noteRequired: true,
  },
  approve: { name: 'approve', label: 'Approve', action: 'story.approve', from: ['IN_REVIEW'], to: 'APPROVED' },
  schedule: { name: 'schedule', label: 'Schedule', action: 'story.schedule', from: ['APPROVED', 'SCHEDULED'], to: 'SCHEDULED', needsTime: true },
  unschedule: { name: 'unschedule', label: 'Unschedule', action: 'story.unschedule', from: ['SCHEDULED'], to: 'APPROVED' },
  publish: { name: 'publish', label: 'Publish', action: 'story.publish', from: ['APPROVED', 'SCHEDULED'], to: 'PUBLISHED', publishes: true },
  unpublish: { name: 'unpublish', label: 'Unpublish', action: 'story.unpublish', from: ['PUBLISHED'], to: 'UNPUBLISHED' },
};

export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as TransitionName[];

export function transitionsFrom(state: StoryState): Transition[] {
  return TRANSITION_NAMES.map((n) => TRANSITIONS[n]).filter((t) => t.from.includes(state));
}
