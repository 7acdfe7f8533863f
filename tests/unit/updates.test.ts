import { describe, expect, it } from 'vitest';
import { can } from '@/lib/permissions';
import type { StoryState } from '@/lib/permissions';
import { STEPS, stepsFrom } from '@/lib/workflow/steps';

const reporter = { id: 'r', role: 'REPORTER' as const, active: true };
const editor = { id: 'e', role: 'EDITOR' as const, active: true };
const allowed = (actor: typeof reporter | typeof editor, state: StoryState | null) =>
  stepsFrom('update', state)
    .filter((s) => can(actor, s.action, { status: s.judgeAs ?? state ?? 'DRAFT', authorIds: ['r'] }))
    .map((s) => s.label);

describe('updates to live stories', () => {
  it('offer the steps a newsroom expects, by state and role', () => {
    expect(allowed(reporter, null)).toEqual(['Edit as update']);
    expect(allowed(reporter, 'DRAFT')).toEqual(['Submit for review', 'Discard update']);
    expect(allowed(reporter, 'IN_REVIEW')).toEqual(['Withdraw']);
    expect(allowed(editor, 'DRAFT')).toEqual(['Submit for review', 'Publish update', 'Discard update']);
    expect(allowed(editor, 'IN_REVIEW')).toEqual(['Withdraw', 'Request changes', 'Approve', 'Publish update', 'Discard update']);
  });

  it('never let a reporter publish an update', () => {
    for (const state of STEPS.update.publish.from) expect(allowed(reporter, state)).not.toContain('Publish update');
  });
});
