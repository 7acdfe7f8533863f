import type { JSONContent } from '@tiptap/core';

// Spellings of one body: the shared document keeps a text's marks in the order they reached it,
// an editor in the order they were added; PostgreSQL's jsonb gives back an object's keys in its
// own order ("text" before "type"), an editor in the order it wrote them. Compared as one spelling:
// every object's keys sorted, each text's marks in one order.

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value === null || typeof value !== 'object') return value;
  const node: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) node[key] = canonical((value as Record<string, unknown>)[key]);
  if (Array.isArray(node.marks)) node.marks = node.marks.map((mark) => [JSON.stringify(mark), mark] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, mark]) => mark);
  return node;
}

export function canonicalBody(node: JSONContent): JSONContent {
  return canonical(node) as JSONContent;
}

/** True when both values are the same JSON, however it was spelled (a draft, a body). */
export const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));

/** True when both bodies hold the same nodes, text and marks. */
export const sameBody = (a: JSONContent, b: JSONContent): boolean => sameJson(a, b);
