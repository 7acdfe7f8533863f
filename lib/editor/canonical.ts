import type { JSONContent } from '@tiptap/core';

// Two spellings of one body: the shared document keeps a text's marks in the order they reached
// it, an editor in the order they were added. Compared with each text's marks in one order.

export function canonicalBody(node: JSONContent): JSONContent {
  const marks = node.marks && [...node.marks].sort((a, b) => (a.type + JSON.stringify(a.attrs ?? {})).localeCompare(b.type + JSON.stringify(b.attrs ?? {})));
  return { ...node, ...(marks && { marks }), ...(node.content && { content: node.content.map(canonicalBody) }) };
}

/** True when both bodies hold the same nodes, text and marks. */
export const sameBody = (a: JSONContent, b: JSONContent): boolean => JSON.stringify(canonicalBody(a)) === JSON.stringify(canonicalBody(b));
