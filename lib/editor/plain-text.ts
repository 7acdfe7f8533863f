import type { Block, Doc, Inline } from './schema';

function inlineText(nodes: Inline[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'text' ? n.text : '\n')).join('');
}

function blockText(node: Block): string {
  switch (node.type) {
    case 'paragraph':
    case 'heading':
      return inlineText(node.content);
    case 'horizontalRule':
      return '';
    case 'image':
      return node.attrs.caption;
    case 'embed':
      return node.attrs.caption || node.attrs.title || '';
    case 'blockquote':
      return node.content.map(blockText).join('\n\n');
    case 'bulletList':
    case 'orderedList':
      return node.content.map((item) => item.content.map(blockText).join('\n')).join('\n');
  }
}

/** The body as plain text, one paragraph per block, for search, word counts and feeds. */
export function toPlainText(doc: Doc): string {
  return doc.content.map(blockText).filter(Boolean).join('\n\n');
}

export function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Builds a body from plain text: every non-empty line becomes a paragraph, exactly as written. */
export function docFromPlainText(text: string): Doc {
  const paragraphs = text.split(/\r?\n/).filter((line) => line.trim() !== '');
  return {
    type: 'doc',
    content: paragraphs.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
  };
}
