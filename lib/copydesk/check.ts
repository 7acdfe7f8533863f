import type { Doc } from '@/lib/editor/schema';
import { attribution } from './rules/attribution';
import { doubledWords } from './rules/doubled-words';
import { emptyDek, headlineLength, imageAlt } from './rules/fields';
import { names } from './rules/names';
import { numbers } from './rules/numbers';
import { quotes } from './rules/quotes';
import { spacing } from './rules/spacing';
import { terms } from './rules/terms';
import { bodySegments } from './segments';
import type { Finding, RawFinding, Rule, StyleSettings } from './types';

// Runs every rule over a story and gives each finding its severity from the settings. The same
// function runs in the editor, as the reporter types, and on the server, in every transition that
// a style error blocks.

const RULES: Rule[] = [quotes, names, doubledWords, spacing, numbers, terms, attribution, headlineLength, emptyDek, imageAlt];
const FIELD_ORDER = { headline: 0, dek: 1, body: 2 } as const;

/** `dek: null` is text that has no dek (a live blog's entry): the empty-dek rule does not apply. */
export type StoryText = { headline: string; dek: string | null; body: Doc; section: string | null };

export function checkStory(story: StoryText, settings: StyleSettings): Finding[] {
  const { segments, images } = bodySegments(story.body);
  const dek = story.dek ?? '';
  const input = { segments, images, headline: story.headline, dek, section: story.section, settings };
  const rules = story.dek === null ? RULES.filter((rule) => rule !== emptyDek) : RULES;
  const covered = (f: RawFinding): string => {
    if (f.field !== 'body') return (f.field === 'headline' ? story.headline : dek).slice(f.from, f.to);
    const s = segments.find((x) => f.from >= x.start && f.to <= x.start + x.text.length);
    return s ? s.text.slice(f.from - s.start, f.to - s.start) : '';
  };
  return rules.flatMap((rule) => rule(input))
    .flatMap((f) => {
      const severity = settings.rules[f.rule];
      return severity === 'off' ? [] : [{ ...f, severity, match: covered(f), key: `${f.rule}:${f.field}:${f.from}:${f.to}` }];
    })
    .sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.from - b.from || a.rule.localeCompare(b.rule));
}

/** The errors that block a transition, less those an editor overrode for this story. */
export function blockingFindings(findings: Finding[], overridden: ReadonlySet<string>): Finding[] {
  return findings.filter((f) => f.severity === 'error' && !overridden.has(f.rule));
}

/** One line naming what blocks, for a refusal message. */
export function describeBlocking(findings: Finding[]): string {
  const shown = findings.slice(0, 5).map((f) => `${f.message} (“${f.excerpt}”)`);
  const more = findings.length > 5 ? ` … and ${findings.length - 5} more` : '';
  return `Style checks found ${findings.length === 1 ? 'an error' : `${findings.length} errors`}: ${shown.join(' ')}${more}`;
}
