import type { Rule } from '../types';
import { textSegments } from './fields';

// The same word twice in a row ("the the"), across a line's end too. "had had" and "that that"
// are sometimes right, so the rule is a warning by default.

const DOUBLED = /\b(\p{L}+)(\s+)(\1)\b/giu;

export const doubledWords: Rule = (input) =>
  textSegments(input).flatMap((s) =>
    [...s.text.matchAll(DOUBLED)].map((m) => ({
      rule: 'doubled-word' as const,
      message: `“${m[1]}” twice in a row.`,
      field: s.field,
      from: s.start + m.index!,
      to: s.start + m.index! + m[0].length,
      excerpt: m[0],
      fix: { label: `Keep one “${m[1]}”`, replacement: m[1]! },
    })),
  );
