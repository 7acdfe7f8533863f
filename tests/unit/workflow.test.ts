import { describe, expect, it } from 'vitest';
import { STORY_STATES, can } from '@/lib/permissions';
import { STEPS, TRANSITION_NAMES, stepsFrom } from '@/lib/workflow/steps';

const editor = { id: 'e', role: 'EDITOR' as const, active: true };

describe('workflow transitions', () => {
  it.each(STORY_STATES)('never offers two buttons with the same name from %s', (state) => {
    const labels = stepsFrom('story', state).map((t) => t.label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each(TRANSITION_NAMES)('%s starts exactly where the permission table lets an editor act', (name) => {
    const t = STEPS.story[name];
    const allowed = STORY_STATES.filter((status) => can(editor, t.action, { status, authorIds: [] }));
    expect([...t.from].sort()).toEqual([...allowed].sort());
    if (name !== 'schedule') expect(t.from).not.toContain(t.to); // rescheduling stays scheduled
  });

  it('offers from each state only the transitions that start there', () => {
    expect(stepsFrom('story', 'DRAFT').map((t) => t.name)).toEqual(['submit']);
    expect(stepsFrom('story', 'IN_REVIEW').map((t) => t.name)).toEqual(['withdraw', 'requestChanges', 'approve']);
    expect(stepsFrom('story', 'APPROVED').map((t) => t.name)).toEqual(['requestChanges', 'schedule', 'publish']);
    expect(stepsFrom('story', 'SCHEDULED').map((t) => t.name)).toEqual(['schedule', 'unschedule', 'publish']);
    expect(stepsFrom('story', 'PUBLISHED').map((t) => t.name)).toEqual(['unpublish']);
    expect(stepsFrom('story', 'UNPUBLISHED')).toEqual([]);
  });

  it('asks for a note only when requesting changes', () => {
    expect(TRANSITION_NAMES.filter((n) => STEPS.story[n].noteRequired)).toEqual(['requestChanges']);
  });
});
