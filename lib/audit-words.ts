import type { StoryState } from '@/lib/permissions';

// What the audit trail's machine names mean, in the words the newsroom uses: each action as what
// its actor did ("Eden Park asked for changes"), and a story's states as the desk names them.

const ACTIONS: Record<string, string> = {
  'story.create': 'created the story',
  'story.import': 'imported the story',
  'story.edit': 'edited the story',
  'story.submit': 'submitted it for review',
  'story.withdraw': 'withdrew it from review',
  'story.requestChanges': 'asked for changes',
  'story.approve': 'approved it',
  'story.schedule': 'scheduled it',
  'story.unschedule': 'cancelled its schedule',
  'story.publish': 'published it',
  'story.publishScheduled': 'published it on schedule',
  'story.unpublish': 'took it off the site',
  'story.slug': 'changed its address',
  'story.restore': 'restored an earlier version',
  'story.correction': 'published a correction',
  'story.update.submit': 'submitted an update for review',
  'story.update.requestChanges': 'asked for changes to an update',
  'story.update.approve': 'approved an update',
  'story.update.publish': 'published an update',
  'story.update.discard': 'discarded an update',
  'story.update.withdraw': 'withdrew an update from review',
  'user.create': 'added a person',
  'user.role': 'changed a person’s role or access',
  'user.password': 'changed their password',
  'user.resetLink': 'made a password reset link',
  'user.passwordReset': 'set a new password with a reset link',
  'story.styleOverride': 'overrode a style rule for this story',
  'story.legalHold': 'put it on legal hold',
  'story.legalHoldLifted': 'lifted the legal hold',
  'story.takedown': 'took it down for legal reasons',
  'story.takedownLifted': 'restored it to readers after a legal takedown',
  'story.previewShared': 'shared a preview link outside the newsroom',
  'story.previewRevoked': 'revoked a shared preview link',
  'live.start': 'made it a live blog',
  'live.entry.post': 'posted a live entry',
  'live.entry.submit': 'sent a live entry to an editor',
  'live.entry.approve': 'approved a live entry',
  'live.entry.edit': 'corrected a live entry',
  'live.entry.withdraw': 'withdrew a live entry',
  'live.entry.pin': 'pinned a live entry',
  'live.entry.unpin': 'unpinned a live entry',
  'live.coverage.end': 'ended the live coverage',
  'live.coverage.resume': 'resumed the live coverage',
  'live.people': 'changed who posts to the live blog',
  'story.embargo': 'set an embargo',
  'story.embargoLifted': 'lifted the embargo',
  'front.publish': 'published the front page',
  'front.schedule': 'scheduled a front page',
  'front.unschedule': 'cancelled a scheduled front page',
  'front.publishScheduled': 'published a scheduled front page',
  'budget.create': 'added a budget line',
  'budget.start': 'started a story from the budget',
  'budget.cancel': 'cancelled a budget line',
  'settings.policy': 'changed the workflow settings',
  'settings.site': 'changed the site’s name or description',
  'settings.style': 'changed the style rules',
  'settings.checklist': 'changed the pre-publish checklist',
  'media.text': 'changed an image’s description',
};

const STATES: Record<StoryState, string> = {
  DRAFT: 'draft',
  IN_REVIEW: 'in review',
  CHANGES_REQUESTED: 'changes requested',
  APPROVED: 'approved',
  SCHEDULED: 'scheduled',
  PUBLISHED: 'published',
  UNPUBLISHED: 'unpublished',
};

/** "asked for changes"; an action without words of its own reads as its name, spaced. */
export function actionWords(action: string): string {
  return ACTIONS[action] ?? action.replace(/^(story|user|media|settings|front|budget)\./, '').replace(/([a-z])([A-Z])/g, '$1 $2').replace(/\./g, ' ').toLowerCase();
}

/** A state as the desk names it; anything else (a slug, for an address change) as it is. */
export function stateWords(value: string): string {
  return STATES[value as StoryState] ?? value;
}

/** "(in review → changes requested)", "(draft)", or nothing. */
export function transitionWords(from: string | null, to: string | null): string {
  if (from && to) return `${stateWords(from)} → ${stateWords(to)}`;
  if (to) return stateWords(to);
  return '';
}
