import type { Doc } from '@/lib/editor/schema';
import type { Segment } from './types';

// The body's text blocks with their ProseMirror positions, computed from the JSON alone: a
// non-leaf node takes its content's size plus two, a leaf node one, text one per UTF-16 unit. A
// text block's content starts one after the node, so a character's position is start + offset.

type Node = { type: string; text?: string; content?: Node[]; attrs?: Record<string, unknown> };

const LEAF = new Set(['horizontalRule', 'image', 'hardBreak']);

function size(node: Node): number {
  if (node.type === 'text') return node.text!.length;
  if (LEAF.has(node.type)) return 1;
  return 2 + (node.content ?? []).reduce((sum, child) => sum + size(child), 0);
}

export function bodySegments(doc: Doc): { segments: Segment[]; images: { pos: number; alt: string }[] } {
  const segments: Segment[] = [];
  const images: { pos: number; alt: string }[] = [];
  const visit = (node: Node, pos: number) => {
    if (node.type === 'image') images.push({ pos, alt: String(node.attrs?.alt ?? '') });
    const children = node.content ?? [];
    if (children.length && children.every((c) => c.type === 'text' || c.type === 'hardBreak')) {
      const text = children.map((c) => (c.type === 'text' ? c.text! : '\n')).join('');
      segments.push({ field: 'body', text, start: pos + 1, block: segments.length });
      return;
    }
    let at = pos + 1;
    for (const child of children) {
      visit(child, at);
      at += size(child);
    }
  };
  let at = 0;
  for (const block of doc.content as Node[]) {
    visit(block, at);
    at += size(block);
  }
  return { segments, images };
}
