// The pre-publish checklist: what must be true of a story before it is published or scheduled.
// Which items are required is set per section by admins; every item is shown beside Publish and
// Schedule with its state, and a required one that fails blocks both, in the UI and on the server.

export const CHECK_ITEMS = ['section', 'tag', 'dek', 'featuredImage', 'styleClean', 'suggestions', 'comments', 'legalHold'] as const;
export type CheckItem = (typeof CHECK_ITEMS)[number];

export const CHECK_LABELS: Record<CheckItem, string> = {
  section: 'A section',
  tag: 'At least one tag',
  dek: 'A dek',
  featuredImage: 'A featured image with alt text',
  styleClean: 'No style errors',
  suggestions: 'No open suggestions',
  comments: 'No unresolved comments',
  legalHold: 'Not on legal hold',
};

/** Required items by section slug; `default` for sections without their own list. */
export type ChecklistSettings = Record<string, CheckItem[]>;
export const DEFAULT_CHECKLIST: ChecklistSettings = { default: ['section', 'styleClean', 'suggestions', 'legalHold'] };

export type StoryFacts = { section: string | null; tags: number; dek: string; featuredImageAlt: string | null; styleErrors: number; openSuggestions: number; unresolvedComments: number; legalHold: boolean };
export type ChecklistItem = { id: CheckItem; label: string; ok: boolean; required: boolean };

const PASSES: Record<CheckItem, (f: StoryFacts) => boolean> = {
  section: (f) => f.section !== null,
  tag: (f) => f.tags > 0,
  dek: (f) => f.dek.trim() !== '',
  featuredImage: (f) => !!f.featuredImageAlt?.trim(),
  styleClean: (f) => f.styleErrors === 0,
  suggestions: (f) => f.openSuggestions === 0,
  comments: (f) => f.unresolvedComments === 0,
  legalHold: (f) => !f.legalHold,
};

export function requiredFor(settings: ChecklistSettings, section: string | null): CheckItem[] {
  return (section && settings[section]) || settings.default || [];
}

export function evaluateChecklist(facts: StoryFacts, settings: ChecklistSettings): ChecklistItem[] {
  const required = new Set(requiredFor(settings, facts.section));
  return CHECK_ITEMS.map((id) => ({ id, label: CHECK_LABELS[id], ok: PASSES[id](facts), required: required.has(id) }));
}

export const failingRequired = (items: ChecklistItem[]) => items.filter((i) => i.required && !i.ok);
