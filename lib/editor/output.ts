import type { Block, Doc, Inline, Mark } from './schema';
import { withoutSuggestions } from './suggestion-text';

// The one mapping from the validated body to what readers get: a small element tree that
// render.tsx turns into React elements (pages) and html.ts into an HTML string (the API and
// feeds). Which elements and attributes a body can produce is decided here and only here.

export type OutElement = { tag: string; attrs?: Record<string, string | number | undefined>; children?: OutNode[] };
export type OutNode = string | OutElement;

const el = (tag: string, attrs?: OutElement['attrs'], children?: OutNode[]): OutElement => ({ tag, attrs, children });

/** Elements that never have children, written <br/> in HTML. */
export const VOID_TAGS = new Set(['br', 'hr', 'img']);

function withMark(child: OutNode, mark: Mark): OutNode {
  switch (mark.type) {
    case 'bold':
      return el('strong', undefined, [child]);
    case 'italic':
      return el('em', undefined, [child]);
    case 'link': {
      const external = /^(https?:)?\/\//.test(mark.attrs.href);
      return el('a', { href: mark.attrs.href, rel: external ? 'noopener noreferrer nofollow' : undefined }, [child]);
    }
    case 'comment': // newsroom-only: readers see the text, not the anchor
    case 'insertion':
    case 'deletion':
    case 'modification':
      return child; // suggestions are taken out before this (suggestion-text.ts)
  }
}

function inline(nodes: Inline[] | undefined): OutNode[] {
  return (nodes ?? []).map((node) => (node.type === 'hardBreak' ? el('br') : (node.marks ?? []).reduce(withMark, node.text as OutNode)));
}

function block(node: Block): OutElement {
  switch (node.type) {
    case 'paragraph':
      return el('p', undefined, inline(node.content));
    case 'heading':
      return el(`h${node.attrs.level}`, undefined, inline(node.content));
    case 'horizontalRule':
      return el('hr');
    case 'image': {
      const { src, alt, caption, credit, width, height } = node.attrs;
      const img = el('img', { src, alt, width: width ?? undefined, height: height ?? undefined, loading: 'lazy', decoding: 'async' });
      const figcaption = caption || credit ? [el('figcaption', undefined, [caption, ...(credit ? [el('span', { class: 'credit' }, [credit])] : [])])] : [];
      return el('figure', undefined, [img, ...figcaption]);
    }
    case 'blockquote':
      return el('blockquote', undefined, node.content.map(block));
    case 'bulletList':
      return el('ul', undefined, node.content.map((item) => el('li', undefined, item.content.map(block))));
    case 'orderedList':
      return el('ol', { start: node.attrs?.start }, node.content.map((item) => el('li', undefined, item.content.map(block))));
  }
}

/** The body's blocks as readers get them; a dateline ("LIMA") opens the first paragraph, as in print. */
export function bodyOutput(body: Doc, options: { dateline?: string } = {}): OutElement[] {
  const doc = withoutSuggestions(body);
  const [first, ...rest] = doc.content;
  if (!options.dateline || first?.type !== 'paragraph') return doc.content.map(block);
  return [el('p', undefined, [el('span', { class: 'dateline' }, [`${options.dateline} — `]), ...inline(first.content)]), ...rest.map(block)];
}
