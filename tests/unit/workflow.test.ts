import { describe, expect, it } from 'vitest';
import { STORY_STATES, can } from '@/lib/permissions';
import { TRANSITIONS, TRANSITION_NAMES, transitionsFrom } from '@/lib/workflow/transitions';

const editor = { id: 'e', role: 'EDITOR' as const, active: true };

describe('workflow transitions', () => {
  it('use the accessible names the newsroom was promised', () => {
    expect(TRANSITION_NAMES.map((n) => TRANSITIONS[n].label)).toEqual(['Submit for review', 'Withdraw', 'Request changes', 'Approve', 'Schedule', 'Unschedule', 'Publish', 'Unpublish']);
  });

  it.each(TRANSITION_NAMES)('%s starts exactly where the permission table lets an editor act', (name) => {
    const t = TRANSITIONS[name];
    const allowed = STORY_STATES.filter((status) => can(editor, t.action, { status, authorIds: [] }));
    expect([...t.from].sort()).toEqual([...allowed].sort());
    if (name !== 'schedule') expect(t.from).not.toContain(t.to); // rescheduling stays scheduled
  });

  it('offers from each state only the transitions that start there', () => {
    expect(transitionsFrom('DRAFT').map((t) => t.name)).toEqual(['submit']);
    expect(transitionsFrom('IN_REVIEW').map((t) => t.name)).toEqual(['withdraw', 'requestChanges', 'approve']);
    expect(transitionsFrom('APPROVED').map((t) => t.name)).toEqual(['requestChanges', 'schedule', 'publish']);
    expect(transitionsFrom('SCHEDULED').map((t) => t.name)).toEqual(['schedule', 'unschedule', 'publish']);
    expect(transitionsFrom('PUBLISHED').map((t) => t.name)).toEqual(['unpublish']);
    expect(transitionsFrom('UNPUBLISHED')).toEqual([]);
  });

  it('asks for a note only when requesting changes', () => {
    expect(TRANSITION_NAMES.filter((n) => TRANSITIONS[n].noteRequired)).toEqual(['requestChanges']);
  });
});
