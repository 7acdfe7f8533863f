import { describe, expect, it } from 'vitest';
import {
  GLOBAL_ACTIONS,
  ROLES,
  STORY_ACTIONS,
  STORY_STATES,
  can,
  type Role,
  type StoryAction,
  type StoryState,
} from '@/lib/permissions';

// The rules as the newsroom states them (issues 2 and 4), written independently of the table in
// lib/permissions.ts. Every combination of role × action × state × ownership is checked against it.
function expected(role: Role, action: StoryAction, state: StoryState, isByline: boolean, approveOwn = false): boolean {
  const editor = role === 'EDITOR' || role === 'ADMIN';
  // Editors work on a story until it is scheduled or live; live stories are not edited in place.
  const editable = state === 'DRAFT' || state === 'IN_REVIEW' || state === 'CHANGES_REQUESTED' || state === 'APPROVED';
  switch (action) {
    case 'story.view':
      return true;
    case 'story.comment':
      return editor || isByline;
    case 'story.edit':
      if (editor) return editable;
      return isByline && (state === 'DRAFT' || state === 'CHANGES_REQUESTED');
    case 'story.submit':
      return (editor || isByline) && (state === 'DRAFT' || state === 'CHANGES_REQUESTED');
    case 'story.withdraw':
      return (editor || isByline) && state === 'IN_REVIEW';
    case 'story.requestChanges':
      return editor && (state === 'IN_REVIEW' || state === 'APPROVED');
    case 'story.approve':
      return editor && state === 'IN_REVIEW' && (!isByline || approveOwn);
    case 'story.schedule':
    case 'story.publish':
      return editor && (state === 'APPROVED' || state === 'SCHEDULED');
    case 'story.unschedule':
      return editor && state === 'SCHEDULED';
    case 'story.unpublish':
    case 'story.correct':
      return editor && state === 'PUBLISHED';
    case 'story.leaveByline':
    case 'story.embargo':
      return editor && editable;
    case 'story.changeSlug':
      return editor;
    case 'story.overrideStyle':
      // An editor may let a style rule through at any stage but an unpublished one.
      return editor && state !== 'UNPUBLISHED';
    case 'story.legalHold':
    case 'story.clearWireKill':
      return editor;
    case 'story.sharePreview':
      return editor || isByline;
    case 'live.post':
      return (editor || isByline) && state !== 'UNPUBLISHED';
    case 'live.moderate':
      return editor;
  }
}

const ME = 'user-1';
const OTHER = 'user-2';
const actor = (role: Role, active = true) => ({ id: ME, role, active });
const story = (status: StoryState, isByline: boolean) => ({ status, authorIds: isByline ? [OTHER, ME] : [OTHER] });

describe('permission table, exhaustively', () => {
  const cases = ROLES.flatMap((role) =>
    STORY_ACTIONS.flatMap((action) =>
      STORY_STATES.flatMap((state) => [true, false].map((isByline) => ({ role, action, state, isByline }))),
    ),
  );

  it.each(STORY_ACTIONS)('%s is granted to someone somewhere (no action the table defines but never allows)', (action) => {
    expect(cases.some((c) => c.action === action && can(actor(c.role), action, story(c.state, c.isByline)))).toBe(true);
  });

  it.each(cases)('$role $action on $state (byline: $isByline)', ({ role, action, state, isByline }) => {
    expect(can(actor(role), action, story(state, isByline))).toBe(expected(role, action, state, isByline));
    // With the admin setting that lets editors approve their own stories.
    expect(can(actor(role), action, story(state, isByline), { editorMayApproveOwnStory: true })).toBe(
      expected(role, action, state, isByline, true),
    );
  });

  it.each(cases)('deactivated $role may never $action ($state, byline: $isByline)', ({ role, action, state, isByline }) => {
    expect(can(actor(role, false), action, story(state, isByline))).toBe(false);
  });

  it('refuses story actions without a story, and everything without an actor', () => {
    for (const action of STORY_ACTIONS) expect(can(actor('ADMIN'), action)).toBe(false);
    for (const action of [...STORY_ACTIONS, ...GLOBAL_ACTIONS]) {
      expect(can(null, action, story('DRAFT', true))).toBe(false);
      expect(can(undefined, action, story('DRAFT', true))).toBe(false);
    }
  });
});

describe('newsroom-wide actions', () => {
  it.each([
    ['REPORTER', { 'newsroom.enter': true, 'story.create': true, 'user.manage': false, 'audit.viewAll': false, 'front.arrange': false, 'site.configure': false, 'wire.read': true, 'wire.release': false, 'wire.configure': false, 'budget.assign': false, 'budget.cancel': false, 'media.editAnyText': false }],
    ['EDITOR', { 'newsroom.enter': true, 'story.create': true, 'user.manage': false, 'audit.viewAll': false, 'front.arrange': true, 'site.configure': false, 'wire.read': true, 'wire.release': true, 'wire.configure': false, 'budget.assign': true, 'budget.cancel': true, 'media.editAnyText': true }],
    ['ADMIN', { 'newsroom.enter': true, 'story.create': true, 'user.manage': true, 'audit.viewAll': true, 'front.arrange': true, 'site.configure': true, 'wire.read': true, 'wire.release': true, 'wire.configure': true, 'budget.assign': true, 'budget.cancel': true, 'media.editAnyText': true }],
  ] as const)('%s', (role, rules) => {
    for (const action of GLOBAL_ACTIONS) {
      expect(can(actor(role), action)).toBe(rules[action]);
      expect(can(actor(role, false), action)).toBe(false);
    }
  });
});

describe('the rules a newsroom relies on', () => {
  it('a reporter can never approve, schedule, publish or unpublish, even their own story', () => {
    for (const state of STORY_STATES) {
      for (const action of ['story.approve', 'story.schedule', 'story.publish', 'story.unpublish'] as const) {
        expect(can(actor('REPORTER'), action, story(state, true))).toBe(false);
      }
    }
  });

  it("a reporter cannot edit someone else's draft", () => {
    expect(can(actor('REPORTER'), 'story.edit', story('DRAFT', false))).toBe(false);
    expect(can(actor('REPORTER'), 'story.edit', story('DRAFT', true))).toBe(true);
  });

  it('an editor on the byline needs a second editor to approve, unless the setting allows it', () => {
    expect(can(actor('EDITOR'), 'story.approve', story('IN_REVIEW', true))).toBe(false);
    expect(can(actor('EDITOR'), 'story.approve', story('IN_REVIEW', false))).toBe(true);
    expect(can(actor('EDITOR'), 'story.approve', story('IN_REVIEW', true), { editorMayApproveOwnStory: true })).toBe(true);
  });
});
