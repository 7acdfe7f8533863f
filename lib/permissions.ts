// The one permission table: role × action × story state (+ byline ownership).
// Pure and synchronous, so the data layer, the UI and the tests all ask the same question.

export const ROLES = ['REPORTER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

export const STORY_STATES = [
  'DRAFT',
  'IN_REVIEW',
  'CHANGES_REQUESTED',
  'APPROVED',
  'SCHEDULED',
  'PUBLISHED',
  'UNPUBLISHED',
] as const;
export type StoryState = (typeof STORY_STATES)[number];

export const STORY_ACTIONS = [
  'story.view',
  'story.edit',
  'story.submit',
  'story.withdraw',
  'story.requestChanges',
  'story.approve',
  'story.schedule',
  'story.unschedule',
  'story.publish',
  'story.unpublish',
  'story.correct',
  'story.comment',
  'story.leaveByline',
  'story.embargo',
  'story.changeSlug',
  'story.overrideStyle',
  'story.legalHold',
  'story.sharePreview',
  'live.post',
  'live.moderate',
  'story.clearWireKill',
] as const;
export type StoryAction = (typeof STORY_ACTIONS)[number];

export const GLOBAL_ACTIONS = ['story.create', 'newsroom.enter', 'user.manage', 'audit.viewAll', 'front.arrange', 'site.configure', 'wire.read', 'wire.release', 'wire.configure', 'budget.assign', 'budget.cancel', 'media.editAnyText'] as const;
export type GlobalAction = (typeof GLOBAL_ACTIONS)[number];

export type Action = StoryAction | GlobalAction;

export type Actor = { id: string; role: Role; active: boolean };
export type StoryRef = { status: StoryState; authorIds: readonly string[] };
export type Policy = { editorMayApproveOwnStory: boolean };

export const DEFAULT_POLICY: Policy = { editorMayApproveOwnStory: false };

type Rule = { states: readonly StoryState[]; own?: 'required' | 'forbidden' };
type RoleRules = Partial<Record<Role, Rule>>;

const ALL = STORY_STATES;
// Scheduled and published stories are not edited in place: a change to a live story must not reach
// readers keystroke by keystroke. (Updates to live stories go through a pending version.)
const WRITABLE: readonly StoryState[] = ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED'];
const EDITORS = (rule: Rule): RoleRules => ({ EDITOR: rule, ADMIN: rule });
const LIVE_STATES: readonly StoryState[] = STORY_STATES.filter((s) => s !== 'UNPUBLISHED');

const STORY_TABLE: Record<StoryAction, RoleRules> = {
  'story.view': { REPORTER: { states: ALL }, ...EDITORS({ states: ALL }) },
  'story.edit': {
    REPORTER: { states: ['DRAFT', 'CHANGES_REQUESTED'], own: 'required' },
    ...EDITORS({ states: WRITABLE }),
  },
  'story.submit': {
    REPORTER: { states: ['DRAFT', 'CHANGES_REQUESTED'], own: 'required' },
    ...EDITORS({ states: ['DRAFT', 'CHANGES_REQUESTED'] }),
  },
  'story.withdraw': {
    REPORTER: { states: ['IN_REVIEW'], own: 'required' },
    ...EDITORS({ states: ['IN_REVIEW'] }),
  },
  'story.requestChanges': EDITORS({ states: ['IN_REVIEW', 'APPROVED'] }),
  // Approval by a byline is decided by the policy below, not by the table.
  'story.approve': EDITORS({ states: ['IN_REVIEW'] }),
  'story.schedule': EDITORS({ states: ['APPROVED', 'SCHEDULED'] }),
  'story.unschedule': EDITORS({ states: ['SCHEDULED'] }),
  'story.publish': EDITORS({ states: ['APPROVED', 'SCHEDULED'] }),
  'story.unpublish': EDITORS({ states: ['PUBLISHED'] }),
  'story.correct': EDITORS({ states: ['PUBLISHED'] }),
  // Reporters discuss their own stories with their editors; editors comment anywhere.
  'story.comment': { REPORTER: { states: ALL, own: 'required' }, ...EDITORS({ states: ALL }) },
  // Saving a story without oneself on its byline (reporters may add and reorder names, not leave).
  'story.leaveByline': EDITORS({ states: WRITABLE }),
  // Setting or lifting an embargo: when readers may first see the story is the desk's call.
  'story.embargo': EDITORS({ states: WRITABLE }),
  // Changing the address of a story that has had one: the old URLs redirect, so only editors.
  'story.changeSlug': EDITORS({ states: ALL }),
  // Letting a style rule's errors through for one story is an editor's call, like approval.
  'story.overrideStyle': EDITORS({ states: ['DRAFT', 'IN_REVIEW', 'CHANGES_REQUESTED', 'APPROVED', 'SCHEDULED', 'PUBLISHED'] }),
  // Putting a story on legal hold, and lifting it, are editors' (and admins') calls at any stage.
  'story.legalHold': EDITORS({ states: ALL }),
  // Sharing a preview link outside the newsroom, listing and revoking such links: the story's
  // bylines and the desk.
  'story.sharePreview': { REPORTER: { states: ALL, own: 'required' }, ...EDITORS({ states: ALL }) },
  // A live blog's entries: its contributors (bylines and people added as contributors, asked as
  // "own") and the desk post them while the blog is not unpublished; editors approve, pin,
  // withdraw others' entries, end and resume coverage and choose the contributors.
  'live.post': { REPORTER: { states: LIVE_STATES, own: 'required' }, ...EDITORS({ states: LIVE_STATES }) },
  'live.moderate': EDITORS({ states: ALL }),
  // The agency killed the wire item a story was made from: only the desk decides it may go on.
  'story.clearWireKill': EDITORS({ states: ALL }),
};

const GLOBAL_TABLE: Record<GlobalAction, readonly Role[]> = {
  'newsroom.enter': ['REPORTER', 'EDITOR', 'ADMIN'],
  'story.create': ['REPORTER', 'EDITOR', 'ADMIN'],
  'user.manage': ['ADMIN'],
  'audit.viewAll': ['ADMIN'],
  // Choosing what leads the front page is the desk's call, as publishing is.
  'front.arrange': ['EDITOR', 'ADMIN'],
  // The site's name and description appear on every page, feed and search result.
  'site.configure': ['ADMIN'],
  // The Wires desk is the newsroom's; items of a source that "needs an editor" are released by
  // the desk before reporters see them. Sources and their tokens are admins'.
  'wire.read': ['REPORTER', 'EDITOR', 'ADMIN'],
  'wire.release': ['EDITOR', 'ADMIN'],
  'wire.configure': ['ADMIN'],
  // The budget: anyone pitches a line and takes an open one; giving a line to someone else (or
  // starting a line assigned to someone else) and cancelling one are the desk's.
  'budget.assign': ['EDITOR', 'ADMIN'],
  'budget.cancel': ['EDITOR', 'ADMIN'],
  // Any image's alt text, caption and credit (see canEditMediaText for the uploader's own).
  'media.editAnyText': ['EDITOR', 'ADMIN'],
};

function isStoryAction(action: Action): action is StoryAction {
  return (STORY_ACTIONS as readonly string[]).includes(action);
}

export function can(
  actor: Actor | null | undefined,
  action: Action,
  story?: StoryRef,
  policy: Policy = DEFAULT_POLICY,
): boolean {
  if (!actor || !actor.active) return false;
  if (!isStoryAction(action)) return GLOBAL_TABLE[action].includes(actor.role);
  if (!story) return false;

  const rule = STORY_TABLE[action][actor.role];
  if (!rule || !rule.states.includes(story.status)) return false;

  const isByline = story.authorIds.includes(actor.id);
  if (rule.own === 'required' && !isByline) return false;
  if (action === 'story.approve' && isByline && !policy.editorMayApproveOwnStory) return false;
  return true;
}

/**
 * Who may change an image's alt text, caption and credit (readers see them on every story that
 * shows the image): editors and admins always; the reporter who uploaded it while no published or
 * scheduled story shows it.
 */
export type MediaRef = { uploadedById: string; onLiveStory: boolean };

export function canEditMediaText(actor: Actor | null | undefined, media: MediaRef): boolean {
  if (!actor || !actor.active) return false;
  if (can(actor, 'media.editAnyText')) return true;
  return media.uploadedById === actor.id && !media.onLiveStory;
}
