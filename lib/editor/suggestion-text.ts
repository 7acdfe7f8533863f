import type { Block, Doc, Inline, ListItem } from './schema';

// A body with its open suggestions taken out, as if each were rejected: inserted text and blocks
// go, deleted text stays, every suggestion mark is dropped. What readers, feeds and the API get
// (a story with an open suggestion cannot be published, so this is a second line of defence), and
// what the style checks read. Also the list of open suggestions, for the gate and the panel.

const SUGGESTION = new Set(['insertion', 'deletion', 'modification']);
// The suggestion library keeps a zero-width space where it marks a whole paragraph break.
const ZWSP = /\u200B/g;

type Marked = { marks?: { type: string }[] };
const inserted = (node: Marked) => (node.marks ?? []).some((m) => m.type === 'insertion');
function unmarked<T extends Marked>(node: T): T {
  if (!node.marks) return node;
  const marks = node.marks.filter((m) => !SUGGESTION.has(m.type));
  const { marks: _dropped, ...rest } = node;
  return (marks.length ? { ...rest, marks } : rest) as T;
}

function inlines(nodes: Inline[] | undefined): Inline[] | undefined {
  if (!nodes) return nodes;
  return nodes.flatMap((n): Inline[] => {
    if (n.type !== 'text') return [n];
    if (inserted(n)) return [];
    const text = n.text.replace(ZWSP, '');
    return text ? [unmarked({ ...n, text }) as Inline] : [];
  });
}

function blocks(nodes: Block[]): Block[] {
  return nodes.flatMap((b): Block[] => {
    if (inserted(b)) return [];
    const node = unmarked(b);
    switch (node.type) {
      case 'paragraph':
      case 'heading':
        return [{ ...node, content: inlines(node.content) } as Block];
      case 'blockquote':
        return [{ ...node, content: blocks(node.content) }];
      case 'bulletList':
      case 'orderedList': {
        const items = node.content.filter((i) => !inserted(i)).map((i) => ({ ...unmarked(i), content: blocks(i.content) }) as ListItem);
        return items.length ? [{ ...node, content: items } as Block] : [];
      }
      default:
        return [node];
    }
  });
}

export function withoutSuggestions(doc: Doc): Doc {
  return hasSuggestions(doc) ? { ...doc, content: blocks(doc.content) } : doc;
}

export type OpenSuggestion = { id: string; kind: 'insertion' | 'deletion' | 'modification'; text: string; author: string | null };

/** Every open suggestion, one per id and kind, with the text it concerns. */
export function openSuggestions(doc: Doc): OpenSuggestion[] {
  const found = new Map<string, OpenSuggestion>();
  const visit = (node: unknown) => {
    const n = node as { type: string; text?: string; marks?: { type: string; attrs?: Record<string, unknown> }[]; content?: unknown[] };
    for (const m of n.marks ?? []) {
      if (!SUGGESTION.has(m.type)) continue;
      const key = `${m.type}:${String(m.attrs?.id)}`;
      const entry = found.get(key) ?? { id: String(m.attrs?.id), kind: m.type as OpenSuggestion['kind'], text: '', author: (m.attrs?.author as string | null) ?? null };
      entry.text += (n.text ?? (n.type === 'paragraph' ? '¶' : '')).replace(ZWSP, '');
      found.set(key, entry);
    }
    for (const child of n.content ?? []) visit(child);
  };
  visit(doc);
  return [...found.values()];
}

export function hasSuggestions(doc: Doc): boolean {
  return JSON.stringify(doc).match(/"type":"(insertion|deletion|modification)"/) !== null;
}
