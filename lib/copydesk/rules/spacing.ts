import { around } from '../excerpt';
import type { Rule } from '../types';
import { textSegments } from './fields';

// A space before , . ; : ? ! or a closing bracket. (French spacing is not the house style.)

const SPACE_BEFORE = /(\S)([ \u00a0]+)([,.;:?!)\]])(?!\.\.)/gu;

export const spacing: Rule = (input) =>
  textSegments(input).flatMap((s) =>
    [...s.text.matchAll(SPACE_BEFORE)].map((m) => {
      const from = s.start + m.index! + m[1]!.length;
      return {
        rule: 'space-before-punctuation' as const,
        message: `A space before “${m[3]}”.`,
        field: s.field,
        from,
        to: from + m[2]!.length + 1,
        excerpt: around(s.text, m.index!, m.index! + m[0].length, 16),
        fix: { label: 'Remove the space', replacement: m[3]! },
      };
    }),
  );
