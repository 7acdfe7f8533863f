import type { Doc } from './schema';

// Who suggested an edit, and when, is the server's word, not the browser's: a suggestion the story
// already had keeps the author and time it was stored with; a new one is stamped with the person
// saving it and the time of the save. Whatever the client sent in those attributes is ignored.

const SUGGESTION = new Set(['insertion', 'deletion', 'modification']);
type Mark = { type: string; attrs?: Record<string, unknown> };
type Node = { marks?: Mark[]; content?: Node[] };

function eachSuggestion(nodes: Node[] | undefined, visit: (mark: Mark) => void): void {
  for (const node of nodes ?? []) {
    for (const mark of node.marks ?? []) if (SUGGESTION.has(mark.type)) visit(mark);
    eachSuggestion(node.content, visit);
  }
}

const keyOf = (mark: Mark) => (mark.attrs?.id === null || mark.attrs?.id === undefined ? null : `${mark.type}:${String(mark.attrs.id)}`);

export function stampSuggestions(doc: Doc, previous: Doc | null, who: { name: string }, now: Date): Doc {
  const stored = new Map<string, { author: unknown; at: unknown }>();
  eachSuggestion(previous?.content as Node[] | undefined, (mark) => {
    const key = keyOf(mark);
    if (key && !stored.has(key)) stored.set(key, { author: mark.attrs?.author ?? null, at: mark.attrs?.at ?? null });
  });
  const copy = structuredClone(doc);
  let touched = false;
  eachSuggestion(copy.content as Node[], (mark) => {
    touched = true;
    const key = keyOf(mark);
    const known = key ? stored.get(key) : undefined;
    mark.attrs = { ...mark.attrs, ...(known ?? { author: who.name.slice(0, 120), at: now.toISOString() }) };
  });
  return touched ? copy : doc;
}
