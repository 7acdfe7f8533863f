import type { Block, Doc, Inline, Mark } from './schema';
import { withoutSuggestions } from './suggestion-text';

// The validated body as an HTML string, for the public API and feeds (route handlers cannot use
// React's server renderer). Same elements as render.tsx, every text and attribute escaped; a unit
// test renders the reference story both ways and requires identical markup.

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

function withMark(inner: string, mark: Mark): string {
  switch (mark.type) {
    case 'bold':
      return `<strong>${inner}</strong>`;
    case 'italic':
      return `<em>${inner}</em>`;
    case 'comment':
    case 'insertion':
    case 'deletion':
    case 'modification':
      return inner; // suggestions are taken out before rendering (suggestion-text.ts)
    case 'link': {
      const external = /^(https?:)?\/\//.test(mark.attrs.href);
      return `<a href="${escapeHtml(mark.attrs.href)}"${external ? ' rel="noopener noreferrer nofollow"' : ''}>${inner}</a>`;
    }
  }
}

function inline(nodes: Inline[] | undefined): string {
  return (nodes ?? []).map((n) => (n.type === 'hardBreak' ? '<br/>' : (n.marks ?? []).reduce(withMark, escapeHtml(n.text)))).join('');
}

function block(node: Block): string {
  switch (node.type) {
    case 'paragraph':
      return `<p>${inline(node.content)}</p>`;
    case 'heading':
      return `<h${node.attrs.level}>${inline(node.content)}</h${node.attrs.level}>`;
    case 'horizontalRule':
      return '<hr/>';
    case 'image': {
      const { src, alt, caption, credit, width, height } = node.attrs;
      const size = `${width ? ` width="${width}"` : ''}${height ? ` height="${height}"` : ''}`;
      const img = `<img src="${escapeHtml(src)}" alt="${escapeHtml(alt)}"${size} loading="lazy" decoding="async"/>`;
      const figcaption = caption || credit ? `<figcaption>${escapeHtml(caption)}${credit ? `<span class="credit">${escapeHtml(credit)}</span>` : ''}</figcaption>` : '';
      return `<figure>${img}${figcaption}</figure>`;
    }
    case 'blockquote':
      return `<blockquote>${node.content.map(block).join('')}</blockquote>`;
    case 'bulletList':
      return `<ul>${node.content.map((item) => `<li>${item.content.map(block).join('')}</li>`).join('')}</ul>`;
    case 'orderedList':
      return `<ol${node.attrs?.start !== undefined ? ` start="${node.attrs.start}"` : ''}>${node.content.map((item) => `<li>${item.content.map(block).join('')}</li>`).join('')}</ol>`;
  }
}

/** The body as HTML; `base` makes media URLs absolute (feeds and API consumers live elsewhere). */
export function bodyToHtml(body: Doc, options: { dateline?: string; base?: string } = {}): string {
  const doc = withoutSuggestions(body);
  const [first, ...rest] = doc.content;
  let html: string;
  if (options.dateline && first?.type === 'paragraph') {
    html = `<p><span class="dateline">${escapeHtml(options.dateline)} — </span>${inline(first.content)}</p>${rest.map(block).join('')}`;
  } else {
    html = doc.content.map(block).join('');
  }
  return options.base ? html.replaceAll('src="/media/', `src="${options.base}/media/`) : html;
}
