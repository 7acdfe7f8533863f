import type { Rule } from '../types';
import { textSegments } from './fields';

// Terms the newsroom has flagged, each with the term it prefers (an admin-edited list).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export const terms: Rule = (input) => {
  const list = input.settings.terms.filter((t) => t.term.trim());
  if (list.length === 0) return [];
  return textSegments(input).flatMap((s) =>
    list.flatMap((t) =>
      [...s.text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}])${escape(t.term.trim()).replace(/\s+/g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'))].map((m) => ({
        rule: 'flagged-term' as const,
        message: t.preferred ? `The newsroom prefers “${t.preferred}” to “${t.term}”.` : `“${t.term}” is on the newsroom’s flagged list.`,
        field: s.field,
        from: s.start + m.index!,
        to: s.start + m.index! + m[0].length,
        excerpt: m[0],
        ...(t.preferred ? { fix: { label: `Use “${t.preferred}”`, replacement: t.preferred } } : {}),
      })),
    ),
  );
};
