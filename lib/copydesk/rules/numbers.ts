import { around, startingAt } from '../excerpt';
import type { Rule } from '../types';
import { textSegments } from './fields';

// AP style for numbers and dates: one to nine spelled out (figures for ages, percentages,
// measurements, money, times, scores and the like are left alone), and the long months
// abbreviated before a day ("Nov. 16"; March, April, May, June and July stay whole).

const WORDS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
// A lone digit, not part of a larger number, a date, a time, money, a percentage or a measure.
const DIGIT = /(?<![\p{L}\p{N}$£€.,:/-])([1-9])(?![\p{N}.,:/%-]|\s*(?:%|per ?cent|percent|p\.m\.|a\.m\.|years? old|[kmc]?m\b|kg\b|lb\b|mph\b|°|(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b))/gu;
const NOT_AFTER = /(?:No\.|Nos\.|page|pages|chapter|Article|article|Section|section|Room|room|Route|route|Level|level|Category|category|Grade|grade|Game|game|Jan\.|Feb\.|Aug\.|Sept\.|Oct\.|Nov\.|Dec\.|March|April|May|June|July)\s*$/;

const MONTHS: Record<string, string> = { January: 'Jan.', February: 'Feb.', August: 'Aug.', September: 'Sept.', October: 'Oct.', November: 'Nov.', December: 'Dec.', Jan: 'Jan.', Feb: 'Feb.', Aug: 'Aug.', Sep: 'Sept.', Sept: 'Sept.', Oct: 'Oct.', Nov: 'Nov.', Dec: 'Dec.' };
const MONTH_DATE = /\b(January|February|August|September|October|November|December|Jan|Feb|Aug|Sept?|Oct|Nov|Dec)(?!\.)(\s+)(?=\d{1,2}\b)/g;

export const numbers: Rule = (input) => {
  if (input.settings.numbers === 'off') return [];
  return textSegments(input).flatMap((s) => [
    ...[...s.text.matchAll(DIGIT)]
      .filter((m) => !NOT_AFTER.test(s.text.slice(Math.max(0, m.index! - 12), m.index!)))
      .map((m) => ({
        rule: 'number-style' as const,
        message: `AP style spells out numbers under 10: “${WORDS[Number(m[1])]}”.`,
        field: s.field,
        from: s.start + m.index!,
        to: s.start + m.index! + 1,
        excerpt: around(s.text, m.index!, m.index! + 1, 16),
        fix: { label: `Use “${WORDS[Number(m[1])]}”`, replacement: WORDS[Number(m[1])]! },
      })),
    ...[...s.text.matchAll(MONTH_DATE)].map((m) => ({
      rule: 'date-style' as const,
      message: `AP style writes “${MONTHS[m[1]!]}” before a date.`,
      field: s.field,
      from: s.start + m.index!,
      to: s.start + m.index! + m[1]!.length,
      excerpt: startingAt(s.text, m.index!, m[0].length + 3),
      fix: { label: `Use “${MONTHS[m[1]!]}”`, replacement: MONTHS[m[1]!]! },
    })),
  ]);
};
