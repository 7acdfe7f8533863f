import type { Doc } from './schema';

/** The values of one attribute on every node of one type in the body, in order (quotes and lists too). */
export function attrsOf(doc: Doc, type: string, attr: string): string[] {
  const found: string[] = [];
  const walk = (nodes: readonly unknown[]) => {
    for (const node of nodes as { type: string; attrs?: Record<string, unknown>; content?: unknown[] }[]) {
      const value = node.type === type ? node.attrs?.[attr] : undefined;
      if (typeof value === 'string' && value) found.push(value);
      if (node.content) walk(node.content);
    }
  };
  walk(doc.content);
  return found;
}
